package dev.vigil.cases.jdbi;

import dev.vigil.text.DidYouMean;
import dev.vigil.cases.CaseException;
import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseState;
import dev.vigil.cases.CaseSummary;
import dev.vigil.cases.ChecklistItem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** What responders do to a case: move it through the lifecycle, check off steps, add notes. Each call is one transaction. */
public final class CaseUpdates {

    private final Handle handle;

    public CaseUpdates(Handle handle) {
        this.handle = handle;
    }

    public CaseSummary move(CaseId id, CaseState target, boolean falsePositive, String actor, String note, Instant at) {
        return handle.inTransaction(transaction -> {
            CaseQueries queries = new CaseQueries(transaction.getConnection());
            CaseSummary current = queries.require(id);
            if (!current.state().canMoveTo(target, falsePositive)) {
                String wanted = target.id() + (falsePositive ? " as a false positive" : "");
                throw new CaseException("case " + id + " is " + current.state().id() + " and cannot move to " + wanted
                        + "; it can move to " + current.state().allowedMoves());
            }
            String timeColumn = target.id() + "_at";
            String resolution = target == CaseState.CLOSED ? (falsePositive ? "false_positive" : "resolved") : null;
            int changed = transaction.createUpdate("UPDATE cases SET state = :state, " + timeColumn + " = :at, "
                            + "resolution = :resolution, open_key = " + (target == CaseState.CLOSED ? "NULL" : "open_key")
                            + ", updated_at = :at WHERE number = :number AND state = :from")
                    .bind("state", target.id())
                    .bind("at", at.toEpochMilli())
                    .bind("resolution", resolution)
                    .bind("number", id.number())
                    .bind("from", current.state().id())
                    .execute();
            if (changed != 1) {
                throw new CaseException("case " + id + " changed while it was being moved; run the command again");
            }
            String text = (falsePositive ? "closed as a false positive" : "moved to " + target.id())
                    + (note == null || note.isBlank() ? "" : ": " + note);
            Timeline.append(transaction, Timeline.row(id.number(), at.toEpochMilli(), actor, "moved",
                    current.state().id(), target.id(), null, text));
            return queries.require(id);
        });
    }

    public ChecklistItem check(CaseId id, String step, String actor, String note, Instant at) {
        return handle.inTransaction(transaction -> {
            CaseQueries queries = new CaseQueries(transaction.getConnection());
            queries.require(id);
            List<ChecklistItem> checklist = queries.checklist(id);
            ChecklistItem item = find(id, checklist, step);
            if (item.done()) {
                throw new CaseException("step \"" + item.stepId() + "\" of case " + id + " was already checked off by "
                        + item.doneBy() + " at " + item.doneAt() + "; add more with `vigil cases note " + id + " TEXT`");
            }
            transaction.createUpdate("INSERT INTO checked_steps (case_number, step_id, done_at, done_by, note) "
                            + "VALUES (:number, :step, :at, :actor, :note)")
                    .bind("at", at.toEpochMilli()).bind("actor", actor).bind("note", note)
                    .bind("number", id.number()).bind("step", item.stepId())
                    .execute();
            transaction.createUpdate("UPDATE cases SET updated_at = :at WHERE number = :number")
                    .bind("at", at.toEpochMilli()).bind("number", id.number()).execute();
            Timeline.append(transaction, Timeline.row(id.number(), at.toEpochMilli(), actor, "step_checked", null, null, null,
                    item.phase() + "/" + item.stepId() + " done" + (note == null || note.isBlank() ? "" : ": " + note)));
            return new CaseQueries(transaction.getConnection()).checklist(id).stream()
                    .filter(checked -> checked.stepId().equals(item.stepId())).findFirst().orElseThrow();
        });
    }

    public void note(CaseId id, String actor, String text, Instant at) {
        if (text == null || text.isBlank()) {
            throw new CaseException("the note for case " + id + " is empty; write it as the last argument, in quotes");
        }
        handle.useTransaction(transaction -> {
            new CaseQueries(transaction.getConnection()).require(id);
            transaction.createUpdate("UPDATE cases SET updated_at = :at WHERE number = :number")
                    .bind("at", at.toEpochMilli()).bind("number", id.number()).execute();
            Timeline.append(transaction, Timeline.row(id.number(), at.toEpochMilli(), actor, "note", null, null, null, text));
        });
    }

    /** The step by id (case-insensitive) or by its position number; an unknown one is an error naming the steps and the closest one. */
    static ChecklistItem find(CaseId id, List<ChecklistItem> checklist, String step) {
        if (checklist.isEmpty()) {
            throw new CaseException("case " + id + " has no checklist (its playbook listed no steps)");
        }
        String wanted = step.trim().toLowerCase(Locale.ROOT);
        for (ChecklistItem item : checklist) {
            if (item.stepId().toLowerCase(Locale.ROOT).equals(wanted) || String.valueOf(item.position()).equals(wanted)) {
                return item;
            }
        }
        List<String> ids = checklist.stream().map(ChecklistItem::stepId).collect(Collectors.toList());
        throw new CaseException("case " + id + " has no step \"" + step + "\"" + DidYouMean.suffix(wanted, ids)
                + "; its steps are " + String.join(", ", ids) + " (or their numbers 1-" + checklist.size() + ")");
    }
}
