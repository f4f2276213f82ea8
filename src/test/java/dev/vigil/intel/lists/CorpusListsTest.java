package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.Corpus;
import dev.vigil.intel.IpMatch;
import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real published files in the shared corpus load without errors. */
class CorpusListsTest {

    private static IpList load(ListSource source) {
        ConfigErrors errors = new ConfigErrors();
        IpList list = ListFiles.load(source, errors).orElse(null);
        errors.throwIfAny();
        return list;
    }

    @Test
    void githubsPublishedMetaGivesTheGitRangesInBothFamilies() {
        Path meta = Corpus.file("github-meta/github-meta.json");

        IpList git = load(ListSource.file("github-git", "github-meta", meta));

        assertThat(git.size()).isEqualTo(36);
        assertThat(git.v6Count()).isEqualTo(2);
        assertThat(git.match("140.82.121.4")).contains(new IpMatch("github-git", "140.82.112.0/20", "github git"));
        assertThat(git.match("2606:50c0:8000::153").map(IpMatch::range)).contains("2606:50c0::/32");
        assertThat(git.match("8.8.8.8")).isEmpty();
    }

    @Test
    void theTorBulkExitListLoadsEveryLine() throws IOException {
        Path tor = Corpus.file("tor/torbulkexitlist");
        List<String> lines = Files.readAllLines(tor).stream().filter(line -> !line.isBlank()).toList();

        IpList exits = load(ListSource.file("tor-exits", "tor-exits", tor));

        assertThat(exits.size()).isEqualTo(1305).isEqualTo(lines.size());
        assertThat(lines).allMatch(exits::contains);
    }

    @Test
    void awsIpRangesFilteredToOneServiceKeepOnlyThatService() {
        Path ranges = Corpus.file("aws-ip-ranges/ip-ranges.json");

        IpList ec2 = load(new ListSource("aws", "aws-ip-ranges", ranges, null, null, List.of(), List.of("EC2"), List.of(),
                Map.of(), Place.of("test")));
        IpList all = load(ListSource.file("aws", "aws-ip-ranges", ranges));

        assertThat(ec2.size()).isGreaterThan(1000).isLessThan(all.size());
        assertThat(ec2.v6Count()).isGreaterThan(0);
        assertThat(ec2.match("3.80.0.1").map(IpMatch::note)).hasValueSatisfying(note -> assertThat(note).startsWith("EC2/"));
    }
}
