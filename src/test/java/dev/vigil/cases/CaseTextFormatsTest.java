package dev.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hand-made formats of the case texts write what the Formatter patterns they replaced wrote. */
class CaseTextFormatsTest {

    @Test
    void durationsAsBefore() {
        assertThat(Durations.text(null)).isEqualTo("-");
        assertThat(Durations.text(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Durations.text(Duration.ofSeconds(4 * 60 + 7))).isEqualTo("4m 07s");
        assertThat(Durations.text(Duration.ofSeconds(4 * 60 + 10))).isEqualTo("4m 10s");
        assertThat(Durations.text(Duration.ofMinutes(2 * 60 + 5))).isEqualTo("2h 05m");
        assertThat(Durations.text(Duration.ofMinutes(23 * 60 + 59))).isEqualTo("23h 59m");
        assertThat(Durations.text(Duration.ofHours(3 * 24 + 4))).isEqualTo("3d 4h");
    }

    @Test
    void caseIdsAsBefore() {
        for (long number : new long[] {1, 5, 123, 999_999, 1_000_000, 12_345_678_901L}) {
            assertThat(new CaseId(number).toString()).isEqualTo(String.format(Locale.ROOT, "C-%06d", number));
        }
    }

    @Test
    void theListTableAsBefore() {
        Instant seen = Instant.parse("2027-02-12T09:31:00Z");
        List<CaseSummary> cases = List.of(
                summary(5, CaseState.OPEN, null, 10_000, "Behavior:EC2/NetworkPortUnusual: i-1 -> 203.0.113.66:4444", seen),
                summary(1_234_567, CaseState.CLOSED, "false_positive", 123_456_789, null, null));
        StringWriter text = new StringWriter();

        CaseText.list(cases, new PrintWriter(text, true));

        StringWriter expected = new StringWriter();
        PrintWriter out = new PrintWriter(expected, true);
        out.printf(Locale.ROOT, "%-9s  %-13s  %-8s  %8s  %-17s  %s%n", "ID", "STATE", "SEVERITY", "FINDINGS", "LAST SEEN", "TITLE");
        out.printf(Locale.ROOT, "%-9s  %-13s  %-8s  %8d  %-17s  %s%n", "C-000005", "open", "high", 10_000L,
                "2027-02-12 09:31Z", "Behavior:EC2/NetworkPortUnusual: i-1 -> 203.0.113.66:4444");
        out.printf(Locale.ROOT, "%-9s  %-13s  %-8s  %8d  %-17s  %s%n", "C-1234567", "closed (fp)", "high", 123_456_789L,
                "-", null);
        assertThat(text.toString()).isEqualTo(expected.toString());
    }

    private static CaseSummary summary(long number, CaseState state, String resolution, long findings, String title,
                                       Instant lastSeen) {
        return new CaseSummary(new CaseId(number), title, "Behavior:EC2/NetworkPortUnusual", "111122223333", state,
                resolution, dev.vigil.triage.Level.HIGH, 5.0, findings, "network-port-unusual", "1", lastSeen, lastSeen,
                null, lastSeen, lastSeen, null, null, null, null, null);
    }
}
