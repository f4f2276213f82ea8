package dev.vigil.cases;

import java.time.Instant;

/** A playbook step on a case's checklist; {@code doneAt}, {@code doneBy} and {@code note} are set once it is checked off. */
public record ChecklistItem(String stepId, int position, String phase, String text, Instant doneAt, String doneBy,
                            String note) {

    public boolean done() {
        return doneAt != null;
    }
}
