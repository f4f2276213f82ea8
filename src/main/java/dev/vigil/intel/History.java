package dev.vigil.intel;

import dev.vigil.finding.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What has been seen before: the runbook's "has communication with this host happened before?" and
 * "are other instances communicating with the same destination?". In one run it is the findings read earlier
 * (in time order); with a case store it is everything stored.
 */
public interface History {

    /**
     * Whether {@code subject} (an instance id, or an account id for findings without an instance) reached
     * {@code remoteIp} on {@code port} (null: any port) in a finding seen before {@code before}.
     */
    boolean seenBefore(String subject, String remoteIp, Integer port, Instant before);

    /**
     * The distinct instances showing {@code type} to {@code remoteIp} on {@code port} (null: any port) within
     * {@code window} around {@code at}, including the one asking.
     */
    Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window);

    /** Remembers a finding once it has been triaged. */
    void record(Finding finding);
}
