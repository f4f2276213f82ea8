package dev.vigil.cases;

import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.triage.Verdict;

/**
 * The key that groups findings into a case: the playbook's (the verdict's {@code caseKey}) when it gives one, else the
 * issue's default, account + type + remote endpoint for network findings and account + type + resource otherwise.
 */
public final class CaseKeys {
    private CaseKeys() {
    }

    public static String of(Finding finding, Verdict verdict) {
        if (verdict.caseKey() != null && !verdict.caseKey().isBlank()) {
            return verdict.caseKey();
        }
        return defaultKey(finding);
    }

    public static String defaultKey(Finding finding) {
        String where = finding.remote().map(RemoteEndpoint::label).filter(label -> !label.isEmpty())
                .orElse(finding.resource().label());
        return (finding.accountId() == null ? "" : finding.accountId()) + "|" + finding.type().name() + "|" + where;
    }

    /** A title for the case: {@code Behavior:EC2/NetworkPortUnusual: i-0abc -> 198.51.100.7:4444}. */
    public static String title(Finding finding) {
        String resource = finding.resource().label();
        String remote = finding.remote().map(RemoteEndpoint::label).orElse("");
        StringBuilder title = new StringBuilder(finding.type().name());
        if (!resource.isEmpty()) {
            title.append(": ").append(resource);
        }
        if (!remote.isEmpty()) {
            title.append(resource.isEmpty() ? ": " : " -> ").append(remote);
        }
        return title.length() > 500 ? title.substring(0, 500) : title.toString();
    }
}
