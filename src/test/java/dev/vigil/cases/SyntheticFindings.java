package dev.vigil.cases;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import dev.vigil.triage.Verdict;
import java.time.Duration;
import java.util.Locale;

/**
 * A deterministic stream of triaged findings for the crash test and the scale benchmark: finding {@code n} is
 * NetworkPortUnusual from one of {@code instances} instances to one of {@code endpoints} remote endpoints; every tenth is
 * the runbook's known host (false positive), the rest open or join the case of their endpoint.
 */
final class SyntheticFindings {
    private final int endpoints;
    private final int instances;

    SyntheticFindings(int endpoints, int instances) {
        this.endpoints = endpoints;
        this.instances = instances;
    }

    Finding finding(long n) {
        int endpoint = (int) (n % endpoints);
        String instance = String.format(Locale.ROOT, "i-%017x", n % instances);
        String account = endpoint % 2 == 0 ? Triaged.PRODUCTION : Triaged.DEVELOPMENT;
        boolean knownHost = n % 10 == 0;
        String ip = knownHost ? "165.227.16.16" : "198.51." + (endpoint / 250 % 256) + "." + (endpoint % 250 + 1);
        int port = knownHost ? 443 : new int[] {4444, 8088, 22, 6667, 9001}[endpoint % 5];
        return Triaged.networkPortUnusual(String.format(Locale.ROOT, "f-%09d", n), account, instance, ip, port,
                Triaged.MONDAY.plus(Duration.ofSeconds(n * 7)));
    }

    /** The verdict triage would give: the known host is a false positive, exploitation ports escalate. */
    static Verdict verdict(Finding finding) {
        String ip = finding.remote().orElseThrow().ip();
        if (ip.equals("165.227.16.16")) {
            return Triaged.suppressed(finding, Disposition.FALSE_POSITIVE, "known-host");
        }
        int port = finding.remote().orElseThrow().port();
        return port == 4444 || port == 8088 ? Triaged.escalate(finding) : Triaged.investigate(finding, Level.MEDIUM);
    }

    /** How many cases {@code total} findings open: one per endpoint that gets a finding that is not the known host. */
    long expectedCases(long total) {
        java.util.Set<Integer> endpointsUsed = new java.util.HashSet<>();
        for (long n = 0; n < total; n++) {
            if (n % 10 != 0) {
                endpointsUsed.add((int) (n % endpoints));
            }
        }
        return endpointsUsed.size();
    }
}
