package dev.vigil.cases.jdbi;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The append-only case timeline: rows are inserted with ids from the {@code event} counter, never changed. */
final class Timeline {
    private Timeline() {
    }

    static final String INSERT = "INSERT INTO timeline (id, case_number, at, actor, kind, from_state, to_state, finding_id, text) "
            + "VALUES (:id, :case_number, :at, :actor, :kind, :from_state, :to_state, :finding_id, :text)";

    static Map<String, Object> row(long caseNumber, long at, String actor, String kind, String from, String to,
                                   String findingId, String text) {
        Map<String, Object> row = new HashMap<>();
        row.put("case_number", caseNumber);
        row.put("at", at);
        row.put("actor", actor.length() > 128 ? actor.substring(0, 128) : actor);
        row.put("kind", kind);
        row.put("from_state", from);
        row.put("to_state", to);
        row.put("finding_id", findingId);
        row.put("text", text);
        return row;
    }

    static void append(Handle handle, Map<String, Object> row) {
        row.put("id", Counters.reserve(handle, "event", 1));
        var update = handle.createUpdate(INSERT);
        row.forEach(update::bind);
        update.execute();
    }
}
