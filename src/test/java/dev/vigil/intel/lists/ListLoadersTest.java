package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.IpMatch;
import dev.vigil.intel.yaml.ConfigErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListLoadersTest {

    @TempDir
    Path folder;

    private IpList load(String kind, String fileName, String content) throws IOException {
        return load(new ListSource("test", kind, write(fileName, content), null, null, List.of(), List.of(), List.of(),
                Map.of(), dev.vigil.intel.yaml.Place.of("vigil.yaml")));
    }

    private IpList load(ListSource source) {
        ConfigErrors errors = new ConfigErrors();
        Optional<IpList> list = ListFiles.load(source, errors);
        errors.throwIfAny();
        return list.orElseThrow();
    }

    private Path write(String fileName, String content) throws IOException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, content);
        return file;
    }

    private List<String> errorsOf(String kind, String fileName, String content) throws IOException {
        ConfigErrors errors = new ConfigErrors();
        Optional<IpList> list = ListFiles.load(ListSource.file("test", kind, write(fileName, content)), errors);
        assertThat(list).isEmpty();
        return errors.list().stream().map(ConfigErrors.Error::toString).toList();
    }

    @Test
    void aCidrListReadsAddressesRangesCommentsAndNotesInBothFamilies() throws IOException {
        IpList list = load("cidr", "threat.txt", """
                # threat intel
                203.0.113.0/24      # scanner network
                198.51.100.23, command and control
                192.0.2.7\tcryptominer
                2001:db8:bad::/48   # IPv6 scanners

                10.0.0.1
                """);

        assertThat(list.size()).isEqualTo(5);
        assertThat(list.v4Count()).isEqualTo(4);
        assertThat(list.v6Count()).isEqualTo(1);
        assertThat(list.match("203.0.113.77")).contains(new IpMatch("test", "203.0.113.0/24", "scanner network"));
        assertThat(list.match("198.51.100.23")).contains(new IpMatch("test", "198.51.100.23/32", "command and control"));
        assertThat(list.match("192.0.2.7")).contains(new IpMatch("test", "192.0.2.7/32", "cryptominer"));
        assertThat(list.match("2001:db8:bad:1::9")).contains(new IpMatch("test", "2001:db8:bad::/48", "IPv6 scanners"));
        assertThat(list.match("10.0.0.1")).contains(new IpMatch("test", "10.0.0.1/32", null));
        assertThat(list.match("198.51.100.24")).isEmpty();
        assertThat(list.match("2001:db8:bae::1")).isEmpty();
        assertThat(list.match("not an ip")).isEmpty();
    }

    @Test
    void theLongestPrefixWinsWhateverTheOrderOfTheFile() throws IOException {
        IpList list = load("cidr", "nested.txt", """
                10.1.2.3        # the host
                10.0.0.0/8      # the company
                10.1.0.0/16     # the datacenter
                2001:db8::/32   # v6 company
                2001:db8::1     # v6 host
                """);

        assertThat(list.match("10.1.2.3").map(IpMatch::note)).contains("the host");
        assertThat(list.match("10.1.2.4").map(IpMatch::note)).contains("the datacenter");
        assertThat(list.match("10.1.255.255").map(IpMatch::note)).contains("the datacenter");
        assertThat(list.match("10.2.0.0").map(IpMatch::note)).contains("the company");
        assertThat(list.match("10.255.255.255").map(IpMatch::note)).contains("the company");
        assertThat(list.match("11.0.0.0")).isEmpty();
        assertThat(list.match("2001:db8::1").map(IpMatch::note)).contains("v6 host");
        assertThat(list.match("2001:db8::2").map(IpMatch::note)).contains("v6 company");
    }

    @Test
    void anIpv4MappedIpv6AddressIsLookedUpAsIpv4() throws IOException {
        IpList list = load("cidr", "mapped.txt", "192.0.2.0/24 # documentation\n");

        assertThat(list.match("::ffff:192.0.2.9").map(IpMatch::range)).contains("192.0.2.0/24");
    }

    @Test
    void badLinesAreErrorsNamingTheFileAndLineAndNothingIsLoaded() throws IOException {
        List<String> errors = errorsOf("cidr", "bad.txt", """
                # ok
                192.0.2.1
                192.0.2.300
                10.0.0.0/33
                hello
                """);

        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).contains("bad.txt:3: bad_address: \"192.0.2.300\" is not an IP address");
        assertThat(errors.get(1)).contains("bad.txt:4: bad_address:").contains("prefix length 33 is above 32");
        assertThat(errors.get(2)).contains("bad.txt:5: bad_address: \"hello\"");
    }

    @Test
    void aGithubMetaListTakesTheChosenKeysOnly() throws IOException {
        String meta = """
                {"hooks": ["192.30.252.0/22"],
                 "git": ["140.82.112.0/20", "185.199.108.0/22", "2a0a:a440::/29"],
                 "actions": ["4.148.0.0/16"]}
                """;
        IpList git = load("github-meta", "meta.json", meta);

        assertThat(git.size()).isEqualTo(3);
        assertThat(git.match("140.82.121.3")).contains(new IpMatch("test", "140.82.112.0/20", "github git"));
        assertThat(git.match("2a0a:a440:1::1").map(IpMatch::range)).contains("2a0a:a440::/29");
        assertThat(git.match("4.148.1.1")).isEmpty();

        IpList both = load(new ListSource("test", "github-meta", folder.resolve("meta.json"), null, null,
                List.of("git", "actions"), List.of(), List.of(), Map.of(), dev.vigil.intel.yaml.Place.of("vigil.yaml")));
        assertThat(both.match("4.148.1.1").map(IpMatch::note)).contains("github actions");
    }

    @Test
    void aGithubMetaKeyThatDoesNotExistIsAnErrorListingTheKeysThatDo() throws IOException {
        write("meta.json", "{\"git\": [\"140.82.112.0/20\"], \"hooks\": [\"192.30.252.0/22\"]}");
        ConfigErrors errors = new ConfigErrors();
        ListFiles.load(new ListSource("github", "github-meta", folder.resolve("meta.json"), null, null, List.of("gti"),
                List.of(), List.of(), Map.of(), dev.vigil.intel.yaml.Place.of("vigil.yaml")), errors);

        assertThat(errors.list().get(0).toString()).contains("has no array \"gti\"").contains("git, hooks");
    }

    @Test
    void anAwsIpRangesListFiltersByServiceAndRegionAndNotesBoth() throws IOException {
        write("ip-ranges.json", """
                {"syncToken": "1", "createDate": "2026-11-01-00-00-00",
                 "prefixes": [
                   {"ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "S3", "network_border_group": "ap-northeast-2"},
                   {"ip_prefix": "3.80.0.0/12", "region": "us-east-1", "service": "EC2", "network_border_group": "us-east-1"},
                   {"ip_prefix": "3.80.0.0/12", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
                   {"ip_prefix": "52.94.0.0/22", "region": "eu-west-1", "service": "EC2", "network_border_group": "eu-west-1"}],
                 "ipv6_prefixes": [
                   {"ipv6_prefix": "2600:1f18::/33", "region": "us-east-1", "service": "EC2", "network_border_group": "us-east-1"}]}
                """);
        IpList ec2UsEast = load(new ListSource("aws", "aws-ip-ranges", folder.resolve("ip-ranges.json"), null, null,
                List.of(), List.of("EC2"), List.of("us-east-1"), Map.of(), dev.vigil.intel.yaml.Place.of("vigil.yaml")));

        assertThat(ec2UsEast.size()).isEqualTo(2);
        assertThat(ec2UsEast.match("3.84.1.2")).contains(new IpMatch("aws", "3.80.0.0/12", "EC2/us-east-1"));
        assertThat(ec2UsEast.match("2600:1f18::5").map(IpMatch::note)).contains("EC2/us-east-1");
        assertThat(ec2UsEast.match("3.5.140.1")).isEmpty();
        assertThat(ec2UsEast.match("52.94.0.1")).isEmpty();
    }

    @Test
    void aTorExitListHasOneAddressALineAndRejectsRanges() throws IOException {
        IpList tor = load("tor-exits", "torbulkexitlist", "185.220.101.1\n198.51.100.66\n2001:db8:70c::1\n\n");

        assertThat(tor.size()).isEqualTo(3);
        assertThat(tor.match("198.51.100.66")).contains(new IpMatch("test", "198.51.100.66/32", "Tor exit node"));
        assertThat(tor.contains("2001:db8:70c::1")).isTrue();
        assertThat(tor.contains("198.51.100.65")).isFalse();

        assertThat(errorsOf("tor-exits", "tor.txt", "185.220.101.1\n185.220.101.0/24\n"))
                .singleElement().asString().contains("tor.txt:2: bad_address").contains("use kind: cidr for ranges");
    }

    @Test
    void knownHostsCarryTheirReasonAndOwner() throws IOException {
        IpList hosts = load("known-hosts", "known-hosts.yaml", """
                - ip: 165.227.16.16
                  reason: Known false positive host in the triage runbook
                - cidr: 2001:db8:5ca::/48
                  reason: Our own vulnerability scanner
                  owner: security-engineering
                """);

        assertThat(hosts.match("165.227.16.16"))
                .contains(new IpMatch("test", "165.227.16.16/32", "Known false positive host in the triage runbook"));
        assertThat(hosts.match("2001:db8:5ca::10").map(IpMatch::note))
                .contains("Our own vulnerability scanner (owner: security-engineering)");
    }

    @Test
    void aKnownHostWithoutReasonOrWithAMisspelledKeyIsAnErrorWithItsLine() throws IOException {
        List<String> errors = errorsOf("known-hosts", "hosts.yaml", """
                - ip: 165.227.16.16
                - ip: 192.0.2.1
                  reason: scanner
                  ownr: secops
                """);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("hosts.yaml:1:").contains("known_host_reason").contains("has no \"reason\"");
        assertThat(errors.get(1)).contains("hosts.yaml:4:").contains("unknown key \"ownr\"")
                .contains("did you mean \"owner\"?");
    }

    @Test
    void theBundledKnownHostsListHoldsTheRunbooksFalsePositive() {
        IpList bundled = ListFiles.bundledKnownHosts();

        assertThat(bundled.name()).isEqualTo("known-hosts");
        assertThat(bundled.size()).isEqualTo(1);
        assertThat(bundled.match("165.227.16.16")).contains(new IpMatch("known-hosts", "165.227.16.16/32",
                "Known false positive host in the triage runbook: connections to and from it on any port"));
    }

    @Test
    void aListBuiltFromMemoryMatchesLikeALoadedOne() {
        IpList list = IpListBuilder.fromCidrs("bench", List.of("192.0.2.0/24", "192.0.2.128/25", "2001:db8::/32"));

        assertThat(list.match("192.0.2.200").map(IpMatch::range)).contains("192.0.2.128/25");
        assertThat(list.match("192.0.2.1").map(IpMatch::range)).contains("192.0.2.0/24");
        assertThat(list.match("2001:db8:ffff::1").map(IpMatch::range)).contains("2001:db8::/32");
    }

    @Test
    void theWholeAddressSpaceAndItsLastAddressCanBeListed() {
        IpList list = IpListBuilder.fromCidrs("all", List.of("0.0.0.0/0", "255.255.255.255", "::/0",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"));

        assertThat(list.match("255.255.255.255").map(IpMatch::range)).contains("255.255.255.255/32");
        assertThat(list.match("255.255.255.254").map(IpMatch::range)).contains("0.0.0.0/0");
        assertThat(list.match("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").map(IpMatch::range))
                .contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
        assertThat(list.match("2001:db8::1").map(IpMatch::range)).contains("::/0");
    }
}
