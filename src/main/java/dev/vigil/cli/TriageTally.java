package dev.vigil.cli;

import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts verdicts per disposition and severity for the summary line on stderr, and keeps the first evaluation errors. */
final class TriageTally {

    private static final int MAX_ERRORS_SHOWN = 20;

    private final Map<Disposition, Long> dispositions = new EnumMap<>(Disposition.class);
    private final Map<Level, Long> severities = new EnumMap<>(Level.class);
    private final List<String> errors = new ArrayList<>();
    private long total;
    private long errorCount;

    void add(Verdict verdict) {
        total++;
        dispositions.merge(verdict.disposition(), 1L, Long::sum);
        severities.merge(verdict.severity(), 1L, Long::sum);
        for (RuleHit hit : verdict.rules()) {
            if (hit.effect().equals("error")) {
                errorCount++;
                if (errors.size() < MAX_ERRORS_SHOWN) {
                    errors.add("vigil: finding " + verdict.findingId() + ": " + hit.summary());
                }
            }
        }
    }

    /** {@code triaged 12: escalate 4, investigate 5, expected 1, acknowledged 1, false_positive 1; high 4, medium 5, low 3}. */
    String line() {
        StringBuilder line = new StringBuilder("triaged ").append(total).append(':');
        Disposition[] order = {Disposition.ESCALATE, Disposition.INVESTIGATE, Disposition.EXPECTED, Disposition.ACKNOWLEDGED,
                Disposition.FALSE_POSITIVE};
        String separator = " ";
        for (Disposition disposition : order) {
            line.append(separator).append(disposition.id()).append(' ').append(dispositions.getOrDefault(disposition, 0L));
            separator = ", ";
        }
        line.append(';');
        separator = " ";
        for (Level level : new Level[] {Level.HIGH, Level.MEDIUM, Level.LOW}) {
            line.append(separator).append(level.id()).append(' ').append(severities.getOrDefault(level, 0L));
            separator = ", ";
        }
        if (errorCount > 0) {
            line.append("; ").append(errorCount).append(" playbook evaluation errors");
        }
        return line.toString();
    }

    List<String> errors() {
        return errors;
    }
}
