package dev.vigil.triage;

import java.time.Instant;

/** The runbook's initial assessment: who owns it, where it went, which instance, when. Unknown parts are null. */
public record Facts(String accountId, String accountName, String environment, String owner, String contact,
                    String channel, String destinationIp, Integer destinationPort, String destinationOrganization,
                    String instanceId, Instant firstSeen, Instant lastSeen) {
}
