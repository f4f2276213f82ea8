package dev.vigil.triage;

import dev.vigil.finding.Finding;
import dev.vigil.intel.Intel;
import dev.vigil.playbook.Playbooks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Not a test: {@code java -cp ... dev.vigil.triage.TriageThroughput [N]} prints the engine's findings per second. */
public final class TriageThroughput {

    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<Finding> findings = new ArrayList<>();
        String[] bases = {"network-port-unusual", "network-port-unusual", "network-port-unusual", "port-probe", "tor-ip-caller", "other", "root-credential-usage"};
        for (int i = 0; i < 20_000; i++) {
            findings.add(CompactFinding.of(Map.of("base", bases[i % bases.length], "remoteIp", "198.51." + (i % 200) + "." + (i % 250),
                    "remotePort", 1000 + (i % 50), "instanceId", "i-" + (i % 3000)), i));
        }
        Intel intel = TriageCasesTest.intel(Map.of("lists", Map.of("github-git", List.of("140.82.112.0/20"),
                "threat-intel", List.of("203.0.113.0/24"), "tor-exits", List.of("185.220.101.4/32"))),
                java.nio.file.Files.createTempDirectory("throughput"));
        intel = new Intel(intel.ipLists(), intel.accounts(), intel.ports(), intel.organizations(), new dev.vigil.intel.History() {
            @Override
            public boolean seenBefore(String subject, String remoteIp, Integer port, java.time.Instant before) {
                return false;
            }

            @Override
            public java.util.Set<String> instancesWithPattern(String type, String remoteIp, Integer port, java.time.Instant at,
                                                              java.time.Duration window) {
                return java.util.Set.of();
            }

            @Override
            public void record(Finding finding) {
            }
        });
        TriageEngine engine = new TriageEngine(Playbooks.bundled(), intel, Clock.systemUTC());
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.triage(findings.get(i % findings.size()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d findings in %.2f s = %.0f findings/s%n", round, n, seconds, n / seconds);
        }
    }
}
