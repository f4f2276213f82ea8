package dev.vigil.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a case is in the runbook's lifecycle: {@code open -> investigating -> contained -> eradicated -> recovered -> closed},
 * and {@code closed} as a false positive from any state that is not closed yet.
 */
public enum CaseState {
    OPEN, INVESTIGATING, CONTAINED, ERADICATED, RECOVERED, CLOSED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The next state in the lifecycle, or null for {@code closed}. */
    public CaseState next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }

    /** Whether a case in this state may move to {@code target}; {@code falsePositive} allows closing from any open state. */
    public boolean canMoveTo(CaseState target, boolean falsePositive) {
        if (this == CLOSED) {
            return false;
        }
        if (target == CLOSED && falsePositive) {
            return true;
        }
        return target == next() && !falsePositive;
    }

    /** The moves allowed from this state, in words: {@code "investigating, or closed as a false positive"}. */
    public String allowedMoves() {
        if (this == CLOSED) {
            return "none (the case is closed)";
        }
        return next().id() + (next() == CLOSED ? " (resolved)" : "") + ", or closed as a false positive (--false-positive)";
    }

    public static CaseState parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CaseState state : values()) {
            if (state.id().equals(wanted)) {
                return state;
            }
        }
        throw new CaseException("unknown case state \"" + text + "\"" + DidYouMean.suggest(wanted, ids())
                + "; states are " + String.join(", ", ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(CaseState::id).collect(Collectors.toList());
    }
}
