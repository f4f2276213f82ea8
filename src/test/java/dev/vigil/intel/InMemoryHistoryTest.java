package dev.vigil.intel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.Severity;
import dev.vigil.intel.lists.IpText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryHistoryTest {

    private static final String PORT_UNUSUAL = "Behavior:EC2/NetworkPortUnusual";
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private static Finding connection(String id, String instanceId, String remoteIp, int port, Instant at) {
        Resource resource = instanceId == null ? Resource.NONE
                : new Resource("Instance", new Instance(instanceId, "t3.micro", null, "running", null, null, null), null,
                List.of(), List.of());
        Action action = new Action.NetworkConnection("OUTBOUND", "TCP", "10.0.0.5", 49152, null,
                new RemoteEndpoint(remoteIp, port, null, null, null, null, null), false);
        return new Finding(id, null, FindingType.of(PORT_UNUSUAL), "111122223333", "us-east-1", "aws", null, null, at, at,
                at, at, 1, false, false, new Severity(5.0), resource, action, "guardduty", null);
    }

    @Test
    void anInstanceHasSeenADestinationBeforeOnlyAfterAnEarlierFindingShowedIt() {
        InMemoryHistory history = new InMemoryHistory();

        assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 22, NOON)).isFalse();
        history.record(connection("f1", "i-0aaa", "198.51.100.7", 22, NOON));

        assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 22, NOON.plusSeconds(60))).isTrue();
        assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 22, NOON)).as("not before its own time").isFalse();
        assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 443, NOON.plusSeconds(60))).as("another port").isFalse();
        assertThat(history.seenBefore("i-0aaa", "198.51.100.7", null, NOON.plusSeconds(60))).as("any port").isTrue();
        assertThat(history.seenBefore("i-0bbb", "198.51.100.7", 22, NOON.plusSeconds(60))).as("another instance").isFalse();
    }

    @Test
    void aFindingWithoutInstanceIsRememberedUnderItsAccount() {
        InMemoryHistory history = new InMemoryHistory();
        history.record(connection("f1", null, "198.51.100.7", 443, NOON));

        assertThat(history.seenBefore("111122223333", "198.51.100.7", 443, NOON.plusSeconds(1))).isTrue();
    }

    @Test
    void instancesShowingTheSamePatternAreCountedWithinTheWindowOnly() {
        InMemoryHistory history = new InMemoryHistory();
        history.record(connection("f1", "i-0aaa", "198.51.100.7", 4444, NOON.minus(Duration.ofHours(2))));
        history.record(connection("f2", "i-0bbb", "198.51.100.7", 4444, NOON.minus(Duration.ofHours(1))));
        history.record(connection("f3", "i-0ccc", "198.51.100.7", 4444, NOON.minus(Duration.ofHours(30))));
        history.record(connection("f4", "i-0ddd", "198.51.100.7", 22, NOON));
        history.record(connection("f5", "i-0aaa", "198.51.100.7", 4444, NOON.minus(Duration.ofHours(3))));

        assertThat(history.instancesWithPattern(PORT_UNUSUAL, "198.51.100.7", 4444, NOON, Duration.ofHours(24)))
                .containsExactly("i-0aaa", "i-0bbb");
        assertThat(history.instancesWithPattern(PORT_UNUSUAL, "198.51.100.7", null, NOON, Duration.ofHours(24)))
                .containsExactly("i-0aaa", "i-0bbb", "i-0ddd");
        assertThat(history.instancesWithPattern("Recon:EC2/Portscan", "198.51.100.7", 4444, NOON, Duration.ofHours(24)))
                .isEmpty();
    }

    @Test
    void eachPatternKeepsABoundedNumberOfInstancesForgettingTheLeastRecent() {
        InMemoryHistory history = new InMemoryHistory();
        int many = InMemoryHistory.MAX_INSTANCES_PER_PATTERN + 10;
        for (int i = 0; i < many; i++) {
            history.record(connection("f" + i, "i-" + i, "203.0.113.9", 8088, NOON.plusSeconds(i)));
        }

        var instances = history.instancesWithPattern(PORT_UNUSUAL, "203.0.113.9", 8088, NOON, Duration.ofDays(1));
        assertThat(instances).hasSize(InMemoryHistory.MAX_INSTANCES_PER_PATTERN);
        assertThat(instances).doesNotContain("i-0", "i-9").contains("i-10", "i-" + (many - 1));
    }

    @Test
    void beyondItsKeyBoundTheHistoryStopsRememberingNewKeysAndSaysSo() {
        InMemoryHistory history = new InMemoryHistory(4);
        for (int i = 0; i < 10; i++) {
            history.record(connection("f" + i, "i-" + i, "203.0.113." + i, 22, NOON));
        }

        assertThat(history.saturated()).isTrue();
        assertThat(history.seenBefore("i-0", "203.0.113.0", 22, NOON.plusSeconds(1))).isTrue();
        assertThat(history.seenBefore("i-9", "203.0.113.9", 22, NOON.plusSeconds(1))).isFalse();
    }

    @Test
    void onlyCanonicalIpv4TextIsKeptAsANumber() {
        assertThat(IpText.parseV4("198.51.100.7")).isEqualTo(0xC6336407L);
        assertThat(IpText.parseV4("0.0.0.0")).isZero();
        assertThat(IpText.parseV4("255.255.255.255")).isEqualTo(0xFFFFFFFFL);
        for (String other : List.of("010.0.0.1", "10.0.0", "10.0.0.1.", "10..0.1", "256.0.0.1", " 10.0.0.1", "10.0.0.1 ",
                "1.2.3.4.5", "2001:db8::1", "", "a.b.c.d", "1.2.3.-4")) {
            assertThat(IpText.parseV4(other)).as(other).isEqualTo(-1);
        }
    }

    @Test
    void addressesThatLookAlikeAreDifferentDestinations() {
        InMemoryHistory history = new InMemoryHistory();
        history.record(connection("f1", "i-0aaa", "10.0.0.1", 22, NOON));
        history.record(connection("f2", "i-0aaa", "2001:db8::1", 22, NOON));

        assertThat(history.seenBefore("i-0aaa", "10.0.0.1", 22, NOON.plusSeconds(1))).isTrue();
        assertThat(history.seenBefore("i-0aaa", "010.0.0.1", 22, NOON.plusSeconds(1))).isFalse();
        assertThat(history.seenBefore("i-0aaa", "2001:db8::1", 22, NOON.plusSeconds(1))).isTrue();
        assertThat(history.seenBefore("i-0aaa", "2001:db8::2", 22, NOON.plusSeconds(1))).isFalse();
    }

    @Test
    void onlyInstanceIdsInGuardDutysShapeAreKeptAsNumbers() {
        assertThat(InMemoryHistory.canonicalInstance("i-0583679375720ad84")).isTrue();
        assertThat(InMemoryHistory.instanceNumber("i-0583679375720ad84")).isEqualTo(0x583679375720ad84L);
        assertThat(InMemoryHistory.instanceNumber("i-0ffffffffffffffff")).isEqualTo(-1L);
        for (String other : List.of("i-0583679375720AD84", "i-1583679375720ad84", "i-0583679375720ad8", "i-0583679375720ad84 ",
                "i-0abc", "111122223333", "i-0583679375720ag84", "j-0583679375720ad84")) {
            assertThat(InMemoryHistory.canonicalInstance(other)).as(other).isFalse();
        }
    }

    @Test
    void anInstanceIdAndItsUpperCaseTwinAreDifferentSubjects() {
        InMemoryHistory history = new InMemoryHistory();
        history.record(connection("f1", "i-0583679375720ad84", "198.51.100.7", 22, NOON));

        assertThat(history.seenBefore("i-0583679375720ad84", "198.51.100.7", 22, NOON.plusSeconds(1))).isTrue();
        assertThat(history.seenBefore("i-0583679375720AD84", "198.51.100.7", 22, NOON.plusSeconds(1))).isFalse();
    }

    @Test
    void anInstanceIdWhoseNumberIsAnotherSubjectsNumberIsStillAnotherSubject() {
        InMemoryHistory history = new InMemoryHistory();
        // the account (a finding without instance) is the first string numbered: 1; this instance id is the number 1
        history.record(connection("f1", null, "198.51.100.7", 22, NOON));

        assertThat(history.seenBefore("111122223333", "198.51.100.7", 22, NOON.plusSeconds(1))).isTrue();
        assertThat(history.seenBefore("i-00000000000000001", "198.51.100.7", 22, NOON.plusSeconds(1))).isFalse();
    }
}
