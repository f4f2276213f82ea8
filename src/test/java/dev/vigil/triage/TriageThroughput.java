package dev.vigil.triage;

import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: {@code java -cp ... dev.vigil.triage.TriageThroughput FINDINGS.ndjson [vigil.yaml]} reads the findings into
 * memory, then prints how fast the engine alone decides them and how fast verdicts serialize.
 */
public final class TriageThroughput {

    public static void main(String[] args) throws Exception {
        List<Finding> findings = new ArrayList<>();
        FindingReader.detecting().read(List.of(args[0]), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
        VigilConfig config = args.length > 1 ? VigilConfig.load(Path.of(args[1])) : VigilConfig.defaults();
        for (int round = 0; round < 4; round++) {
            Intel intel = config.intel(new InMemoryHistory());
            TriageEngine engine = new TriageEngine(Playbooks.bundled(), intel, Clock.systemUTC(), config.historyWindow());
            List<Verdict> verdicts = new ArrayList<>(findings.size());
            long start = System.nanoTime();
            for (Finding finding : findings) {
                verdicts.add(engine.triage(finding));
            }
            double triage = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long bytes = 0;
            for (Verdict verdict : verdicts) {
                bytes += Json.mapper().writeValueAsString(verdict).length();
            }
            double write = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d findings: triage %.2f s (%.0f/s), serialize %.2f s (%d bytes)%n", round,
                    findings.size(), triage, findings.size() / triage, write, bytes);
        }
    }
}
