package dev.vigil.cases;

import dev.vigil.triage.Level;

/**
 * Which cases {@code vigil cases list} shows.
 *
 * @param state only cases in this state; null: every state but closed, or every state with {@code includeClosed}
 * @param severity only cases of this severity; null: any
 * @param limit at most this many, most severe and most recently seen first
 */
public record CaseFilter(CaseState state, boolean includeClosed, Level severity, int limit) {

    public static CaseFilter notClosed() {
        return new CaseFilter(null, false, null, 50);
    }
}
