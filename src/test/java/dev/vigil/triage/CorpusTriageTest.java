package dev.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusTriageTest {

    @Test
    void everyRealFindingInTheSharedCorpusTriagesWithoutAnError() throws IOException {
        Path corpus = Stream.of(System.getProperty("vigil.corpus"), "../shared/corpus", "../../shared/corpus")
                .filter(dir -> dir != null).map(dir -> Path.of(dir).resolve("guardduty"))
                .filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(corpus != null, "skipped: ../shared/corpus/guardduty not found (the shared corpus is not next to this checkout)");

        TriageEngine engine = new TriageEngine(Playbooks.bundled(), VigilConfig.defaults().intel(new InMemoryHistory()),
                Clock.systemUTC());
        List<Verdict> verdicts = new ArrayList<>();
        ReadSummary summary = FindingReader.detecting().read(List.of(corpus.toString()), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                verdicts.add(engine.triage(finding));
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });

        System.out.println("corpus: " + summary.line() + ", triaged " + verdicts.size());
        assertThat(verdicts).hasSize((int) summary.accepted()).isNotEmpty();
        assertThat(verdicts).allSatisfy(verdict -> {
            assertThat(verdict.rules()).as(verdict.findingId() + " " + verdict.rules())
                    .noneMatch(hit -> hit.effect().equals("error"));
            assertThat(verdict.disposition()).isNotNull();
            assertThat(verdict.severity()).isNotNull();
        });
    }
}
