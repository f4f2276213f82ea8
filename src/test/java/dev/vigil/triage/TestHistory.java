package dev.vigil.triage;

import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.intel.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;

/** A History for tests: remembers every finding it is given, and answers by scanning them. */
final class TestHistory implements History {

    private final List<Finding> seen = new ArrayList<>();

    @Override
    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        return seen.stream().anyMatch(f -> subject.equals(subjectOf(f)) && matches(f, remoteIp, port)
                && (time(f) == null || before == null || time(f).isBefore(before)));
    }

    @Override
    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant at, Duration window) {
        Set<String> instances = new TreeSet<>();
        for (Finding f : seen) {
            Instant t = time(f);
            boolean inWindow = t == null || at == null || Duration.between(t, at).abs().compareTo(window) <= 0;
            if (f.type().name().equals(type) && matches(f, remoteIp, port) && inWindow && f.instance().isPresent()) {
                instances.add(f.instance().get().id());
            }
        }
        return instances;
    }

    @Override
    public void record(Finding finding) {
        seen.add(finding);
    }

    private static boolean matches(Finding f, String remoteIp, Integer port) {
        RemoteEndpoint remote = f.remote().orElse(null);
        return remote != null && remoteIp.equals(remote.ip()) && (port == null || Objects.equals(port, remote.port()));
    }

    private static String subjectOf(Finding f) {
        return f.instance().map(i -> i.id()).orElse(f.accountId());
    }

    private static Instant time(Finding f) {
        return f.eventFirstSeen() != null ? f.eventFirstSeen() : f.createdAt();
    }
}
