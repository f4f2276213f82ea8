package dev.vigil.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link InMemoryHistory} answers as a plain model of its rules does: the earliest contact per (subject, ip, port and
 * any port), the instances per (type, ip, port and any port) forgetting the least recent beyond the bound, and no new
 * keys beyond maxKeys. Findings and questions are drawn from small pools so that keys repeat, patterns fill up and
 * the key bound is reached.
 */
class InMemoryHistoryPropertyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> TYPES = List.of("Behavior:EC2/NetworkPortUnusual", "Recon:EC2/PortProbeUnprotectedPort");
    /** Canonical IPv4 addresses (kept as numbers), and texts that are not (kept by their strings) next to their lookalikes. */
    private static final List<String> IPS = List.of("198.51.100.7", "203.0.113.9", " 203.0.113.9", "192.0.2.1",
            "10.0.0.1", "010.0.0.1", "10.0.0.1.", "256.0.0.1", "2001:db8::1", "0.0.0.0", "255.255.255.255");

    /** One step: record a finding, or ask one of the two questions. */
    record Step(int kind, String type, String instance, String ip, Integer port, int minute, int windowHours,
                boolean twoProbes) {
    }

    @Property(tries = 300)
    void answersAsTheModelDoes(@ForAll("steps") List<Step> steps, @ForAll("bounds") int maxKeys) {
        replay(steps, maxKeys);
    }

    @Property(tries = 40)
    void aCrowdedPatternForgetsAsTheModelDoes(@ForAll("crowdedSteps") List<Step> steps) {
        replay(steps, InMemoryHistory.DEFAULT_MAX_KEYS);
    }

    private static void replay(List<Step> steps, int maxKeys) {
        InMemoryHistory history = new InMemoryHistory(maxKeys);
        Model model = new Model(maxKeys);
        for (Step step : steps) {
            Instant at = T0.plus(Duration.ofMinutes(step.minute()));
            switch (step.kind()) {
                case 0 -> {
                    Finding finding = finding(step, at);
                    history.record(finding);
                    model.record(finding);
                }
                case 1 -> {
                    String subject = step.instance() == null ? "111122223333" : step.instance();
                    assertThat(history.seenBefore(subject, step.ip(), step.port(), at))
                            .as("seen before %s %s %s %s", subject, step.ip(), step.port(), at)
                            .isEqualTo(model.seenBefore(subject, step.ip(), step.port(), at));
                }
                default -> assertThat(history.instancesWithPattern(step.type(), step.ip(), step.port(), at,
                        Duration.ofHours(step.windowHours())))
                        .containsExactlyElementsOf(model.instancesWithPattern(step.type(), step.ip(), step.port(), at,
                                Duration.ofHours(step.windowHours())));
            }
        }
        assertThat(history.saturated()).isEqualTo(model.saturated);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // a pool of 300 instances fills a pattern beyond its bound of 256 when one ip and port dominate
        Arbitrary<String> instances = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ")),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 299).map(InMemoryHistoryPropertyTest::instanceId)));
        Arbitrary<Integer> ports = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Integer) null)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(22, 443, 8088, -1, 0, 70000)));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(TYPES), instances,
                Arbitraries.of(IPS), ports, Arbitraries.integers().between(0, 3 * 24 * 60),
                Arbitraries.of(1, 24, 48), Arbitraries.of(false, false, false, true)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(700);
    }

    /**
     * One type, one ip, mostly one port, 300 instances, whole hours only: the pattern fills beyond its bound and
     * forgets, often among instances last seen at the same time.
     */
    @Provide
    Arbitrary<List<Step>> crowdedSteps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0),
                        net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(2, 2)),
                Arbitraries.just(TYPES.get(0)), Arbitraries.integers().between(0, 299).map(InMemoryHistoryPropertyTest::instanceId),
                Arbitraries.just(IPS.get(0)), Arbitraries.of(8088, 8088, 8088, 22),
                Arbitraries.integers().between(0, 2).map(hour -> hour * 60),
                Arbitraries.of(1, 24, 48), Arbitraries.just(false)).as(Step::new);
        return step.list().ofMinSize(1500).ofMaxSize(3000);
    }

    @Provide
    Arbitrary<Integer> bounds() {
        return Arbitraries.of(3, 10, 40, InMemoryHistory.DEFAULT_MAX_KEYS);
    }

    /**
     * Instance ids in GuardDuty's shape ({@code i-0} and 16 hex digits, kept as numbers), an upper-case twin of one
     * (another text, kept by its string), and short ones.
     */
    private static String instanceId(int i) {
        return switch (i % 3) {
            case 0 -> canonical(i);
            case 1 -> i % 2 == 0 ? canonical(i - 1).toUpperCase(java.util.Locale.ROOT).replace("I-", "i-") : canonical(i);
            default -> "i-" + i;
        };
    }

    private static String canonical(int i) {
        return String.format("i-0%016x", i * 0x9E3779B97F4A7C15L);
    }

    private static Finding finding(Step step, Instant at) {
        Resource resource = step.instance() == null ? Resource.NONE
                : new Resource("Instance", new Instance(step.instance(), "t3.micro", null, "running", null, null, null),
                null, List.of(), List.of());
        RemoteEndpoint remote = new RemoteEndpoint(step.ip(), step.port(), null, null, null, null, null);
        Action action = step.twoProbes()
                ? new Action.PortProbe(List.of(new Action.Probe(22, null, remote),
                        new Action.Probe(23, null, new RemoteEndpoint("192.0.2.1", null, null, null, null, null, null))), false)
                : new Action.NetworkConnection("OUTBOUND", "TCP", "10.0.0.5", 49152, null, remote, false);
        Instant last = at.plus(Duration.ofMinutes(step.minute() % 90));
        return new Finding("f", null, FindingType.of(step.type()), "111122223333", "us-east-1", "aws", null, null, at,
                last, at, last, 1, false, false, new Severity(5.0), resource, action, "guardduty", null);
    }

    /** The rules, written plainly: string keys, lists scanned. */
    private static final class Model {
        private final int maxKeys;
        private final Map<String, Long> contacts = new HashMap<>();
        private final Map<String, List<long[]>> spans = new HashMap<>();
        private final Map<String, List<String>> spanInstances = new HashMap<>();
        private final Map<String, Long> arrivals = new HashMap<>();
        boolean saturated;

        Model(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        boolean seenBefore(String subject, String ip, Integer port, Instant before) {
            Long earliest = contacts.get(subject + "|" + ip + "|" + (port == null ? -1 : port));
            return earliest != null && earliest < before.toEpochMilli();
        }

        List<String> instancesWithPattern(String type, String ip, Integer port, Instant at, Duration window) {
            String key = type + "|" + ip + "|" + (port == null ? -1 : port);
            TreeSet<String> found = new TreeSet<>();
            List<long[]> list = spans.getOrDefault(key, List.of());
            for (int i = 0; i < list.size(); i++) {
                long[] span = list.get(i);
                if (span[0] <= at.plus(window).toEpochMilli() && span[1] >= at.minus(window).toEpochMilli()) {
                    found.add(spanInstances.get(key).get(i));
                }
            }
            return new ArrayList<>(found);
        }

        void record(Finding finding) {
            Instance instance = finding.resource().instance();
            String subject = instance != null && instance.id() != null && !instance.id().isBlank() ? instance.id()
                    : finding.accountId();
            long first = finding.eventFirstSeen().toEpochMilli();
            long last = Math.max(first, finding.eventLastSeen().toEpochMilli());
            for (RemoteEndpoint remote : finding.action().remotes()) {
                String ip = remote.ip().trim();
                List<Integer> ports = remote.port() == null ? List.of(-1) : List.of(remote.port(), -1);
                for (int port : ports) {
                    String contact = subject + "|" + ip + "|" + port;
                    if (contacts.containsKey(contact)) {
                        contacts.put(contact, Math.min(contacts.get(contact), first));
                    } else if (contacts.size() >= maxKeys) {
                        saturated = true;
                    } else {
                        contacts.put(contact, first);
                    }
                    String pattern = finding.type().name() + "|" + ip + "|" + port;
                    if (!spans.containsKey(pattern) && spans.size() >= maxKeys) {
                        saturated = true;
                        continue;
                    }
                    addSpan(pattern, subject, first, last);
                }
            }
        }

        private void addSpan(String pattern, String instance, long first, long last) {
            List<long[]> list = spans.computeIfAbsent(pattern, k -> new ArrayList<>());
            List<String> names = spanInstances.computeIfAbsent(pattern, k -> new ArrayList<>());
            int at = names.indexOf(instance);
            if (at >= 0) {
                long[] span = list.get(at);
                span[0] = Math.min(span[0], first);
                span[1] = Math.max(span[1], last);
                return;
            }
            if (names.size() >= InMemoryHistory.MAX_INSTANCES_PER_PATTERN) {
                // forget the one seen least recently; of equal ones, the one that joined first
                int oldest = 0;
                Comparator<long[]> order = Comparator.<long[]>comparingLong(span -> span[1]).thenComparingLong(span -> span[2]);
                for (int i = 1; i < list.size(); i++) {
                    if (order.compare(list.get(i), list.get(oldest)) < 0) {
                        oldest = i;
                    }
                }
                list.remove(oldest);
                names.remove(oldest);
            }
            long arrival = arrivals.merge(pattern, 1L, Long::sum);
            list.add(new long[] {first, last, arrival});
            names.add(instance);
        }
    }
}
