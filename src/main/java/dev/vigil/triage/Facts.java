package dev.vigil.triage;

import java.time.Instant;

/**
 * The runbook's initial assessment: who owns it, where it went, which instance, when. Unknown parts are null.
 * {@code destinationIp} and {@code destinationOrganization} are the remote side; {@code destinationPort} is the port of
 * the service involved. {@code direction} is {@code outbound} when the remote side is the destination (an instance
 * connecting out, as in NetworkPortUnusual) and {@code inbound} when it is the source (a Tor caller, a prober, an API
 * caller), whose port is then the instance's own; null when unknown.
 */
public record Facts(String accountId, String accountName, String environment, String owner, String contact,
                    String channel, String destinationIp, Integer destinationPort, String destinationOrganization,
                    String instanceId, Instant firstSeen, Instant lastSeen, String direction) {

    /** What the remote side is to the resource: {@code source} for inbound activity, else {@code destination}. */
    public String remoteRole() {
        return "inbound".equals(direction) ? "source" : "destination";
    }

    /** {@code 203.0.113.50:4444} outbound; {@code 198.51.100.77 to local port 22} inbound; null when no remote is known. */
    public String remoteLabel() {
        if (destinationIp == null) {
            return null;
        }
        if (destinationPort == null) {
            return destinationIp;
        }
        return "inbound".equals(direction) ? destinationIp + " to local port " + destinationPort
                : destinationIp + ":" + destinationPort;
    }
}
