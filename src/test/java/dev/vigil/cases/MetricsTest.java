package dev.vigil.cases;

import static dev.vigil.cases.Triaged.MONDAY;
import static dev.vigil.cases.Triaged.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook's key metrics, computed from cases whose times are known, to the second. */
class MetricsTest {

    @TempDir
    Path directory;

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertThat(Distribution.of(List.of(5.0, 1.0, 3.0)).median()).isEqualTo(3.0);
        assertThat(Distribution.of(List.of(4.0, 1.0, 3.0, 10.0)).median()).isEqualTo(3.5);
    }

    @Test
    void theNinetiethPercentileIsTheNearestRankValue() {
        List<Double> oneToTen = Arrays.asList(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
        assertThat(Distribution.of(oneToTen).p90()).isEqualTo(9.0);
        List<Double> oneToEleven = Arrays.asList(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);
        assertThat(Distribution.of(oneToEleven).p90()).isEqualTo(10.0);
        assertThat(Distribution.of(List.of(42.0)).p90()).isEqualTo(42.0);
    }

    @Test
    void casesWithoutAValueAreLeftOutAndNoValueAtAllGivesNoMedian() {
        assertThat(Distribution.of(Arrays.asList(null, 2.0, null))).isEqualTo(new Distribution(1, 2.0, 2.0));
        assertThat(Distribution.of(Arrays.asList(null, null))).isEqualTo(Distribution.EMPTY);
    }

    @Test
    void theStoreComputesEachMetricPerTypeAndSeverityFromTheCasesTimes() {
        SettableClock clock = new SettableClock(MONDAY);
        try (CaseStore store = CaseStore.open(StoreLocation.of(directory.resolve("m.db").toString(), Map.of()), clock)) {
            // four high cases on distinct endpoints; detection after 1, 2, 3 and 10 minutes; 1, 1, 2 and 3 instances
            CaseId a = open(store, "a", 1, Duration.ofMinutes(1), Duration.ofMinutes(20));
            CaseId b = open(store, "b", 1, Duration.ofMinutes(2), Duration.ofMinutes(40));
            CaseId c = open(store, "c", 2, Duration.ofMinutes(3), Duration.ofMinutes(60));
            open(store, "d", 3, Duration.ofMinutes(10), Duration.ofMinutes(80));
            // contained 1 h, 2 h and 4 h after first seen; eradicated after 3 h and 5 h; d is never contained
            move(store, clock, a, Duration.ofHours(1), CaseState.INVESTIGATING, CaseState.CONTAINED);
            move(store, clock, b, Duration.ofHours(2), CaseState.INVESTIGATING, CaseState.CONTAINED);
            move(store, clock, c, Duration.ofHours(4), CaseState.INVESTIGATING, CaseState.CONTAINED);
            move(store, clock, a, Duration.ofHours(3), CaseState.ERADICATED);
            move(store, clock, b, Duration.ofHours(5), CaseState.ERADICATED);
            // a medium case of its own group
            Finding medium = Triaged.timed(Triaged.networkPortUnusual("m-1", PRODUCTION, "i-medium", "203.0.113.77", 22, MONDAY),
                    MONDAY, MONDAY.plus(Duration.ofMinutes(5)), MONDAY.plus(Duration.ofMinutes(7)));
            store.record(medium, Triaged.investigate(medium, Level.MEDIUM));

            MetricsReport report = store.metrics(MONDAY.minus(Duration.ofDays(30)));

            assertThat(report.groups()).extracting(MetricGroup::severity).containsExactly(Level.HIGH, Level.MEDIUM);
            MetricGroup high = report.groups().get(0);
            assertThat(high.type()).isEqualTo("Behavior:EC2/NetworkPortUnusual");
            assertThat(high.cases()).isEqualTo(4);
            assertThat(high.findings()).isEqualTo(7);
            assertThat(high.timeToDetection()).isEqualTo(new Distribution(4, 150.0, 600.0));
            assertThat(high.timeToContainment()).isEqualTo(new Distribution(3, 7200.0, 14400.0));
            assertThat(high.timeToEradication()).isEqualTo(new Distribution(2, 14400.0, 18000.0));
            assertThat(high.affectedInstances()).isEqualTo(new Distribution(4, 1.5, 3.0));
            assertThat(high.communication()).isEqualTo(new Distribution(4, 3000.0, 4800.0));
            MetricGroup total = report.total();
            assertThat(total.cases()).isEqualTo(5);
            assertThat(total.timeToDetection()).isEqualTo(new Distribution(5, 180.0, 600.0));

            assertThat(store.metrics(MONDAY.plus(Duration.ofDays(1))).total().cases()).isZero();
        }
    }

    /** A case on its own endpoint with {@code instances} findings (one per instance), all first seen at MONDAY. */
    private static CaseId open(CaseStore store, String name, int instances, Duration detection, Duration communication) {
        String ip = "198.51.100." + (name.charAt(0) - 'a' + 10);
        try (FindingRecorder recorder = store.recorder()) {
            for (int i = 0; i < instances; i++) {
                Finding finding = Triaged.timed(
                        Triaged.networkPortUnusual(name + "-" + i, PRODUCTION, "i-" + name + i, ip, 4444, MONDAY),
                        MONDAY, MONDAY.plus(communication), MONDAY.plus(detection));
                recorder.add(finding, Triaged.escalate(finding));
            }
        }
        return store.list(new CaseFilter(null, true, null, 100)).stream()
                .filter(summary -> summary.title().contains(ip)).findFirst().orElseThrow().id();
    }

    private static void move(CaseStore store, SettableClock clock, CaseId id, Duration afterFirstSeen, CaseState... states) {
        clock.set(MONDAY.plus(afterFirstSeen));
        for (CaseState state : states) {
            store.move(id, state, false, "alice", null);
        }
    }

    @Test
    void aSuppressedFindingCountsForItsRuleAndNotForAnyCase() {
        try (CaseStore store = CaseStore.open(StoreLocation.of(directory.resolve("s.db").toString(), Map.of()))) {
            Finding root = Triaged.rootCredentialUsage("r-1", PRODUCTION, Instant.now());
            store.record(root, Triaged.suppressed(root, Disposition.ACKNOWLEDGED, "root-credential-usage-issue-210"));
            MetricsReport report = store.metrics(Instant.now().minus(Duration.ofDays(1)));
            assertThat(report.total().cases()).isZero();
            assertThat(report.suppressions()).singleElement().satisfies(count -> {
                assertThat(count.rule()).isEqualTo("root-credential-usage-issue-210");
                assertThat(count.disposition()).isEqualTo("acknowledged");
                assertThat(count.hits()).isEqualTo(1);
            });
            assertThat(report.withSuppressionRules(List.of("known-host", "root-credential-usage-issue-210", "guardduty-sample"))
                    .silentSuppressions()).containsExactly("guardduty-sample", "known-host");
        }
    }
}
