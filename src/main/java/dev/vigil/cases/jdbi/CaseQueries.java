package dev.vigil.cases.jdbi;

import dev.vigil.cases.CaseDetail;
import dev.vigil.cases.CaseException;
import dev.vigil.cases.CaseFilter;
import dev.vigil.cases.CaseFinding;
import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseMetrics;
import dev.vigil.cases.CaseState;
import dev.vigil.cases.CaseSummary;
import dev.vigil.cases.ChecklistItem;
import dev.vigil.cases.TimelineEntry;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import dev.vigil.triage.Step;
import dev.vigil.triage.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Reads cases. Every query is served by an index, so listing and showing stay fast with millions of findings. */
public final class CaseQueries {

    static final String CASE_COLUMNS = "number, title, type, account_id, state, resolution, level_rank, max_score, "
            + "finding_count, playbook, playbook_version, first_seen, last_seen, detected_at, opened_at, updated_at, "
            + "investigating_at, contained_at, eradicated_at, recovered_at, closed_at";

    /** Findings joining or updating a case, shown at each end of the timeline; the ones between are counted. */
    static final int FINDING_EVENTS_SHOWN = 5;
    static final String FINDING_EVENTS = "'finding_joined', 'finding_updated'";
    static final String RESPONDER_EVENTS = "'opened', 'moved', 'step_checked', 'note'";

    private final Handle handle;

    public CaseQueries(Handle handle) {
        this.handle = handle;
    }

    public List<CaseSummary> list(CaseFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM cases");
        List<String> conditions = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add("state = :state");
        } else if (!filter.includeClosed()) {
            conditions.add("state <> 'closed'");
        }
        if (filter.severity() != null) {
            conditions.add("level_rank = :level_rank");
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY level_rank DESC, last_seen DESC, number DESC LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", filter.limit());
        if (filter.state() != null) {
            query.bind("state", filter.state().id());
        }
        if (filter.severity() != null) {
            query.bind("level_rank", filter.severity().ordinal() + 1);
        }
        return query.map((rows, context) -> summary(rows)).list();
    }

    public Optional<CaseSummary> find(CaseId id) {
        return handle.createQuery("SELECT " + CASE_COLUMNS + " FROM cases WHERE number = :number")
                .bind("number", id.number())
                .map((rows, context) -> summary(rows))
                .findOne();
    }

    public CaseSummary require(CaseId id) {
        return find(id).orElseThrow(() -> new CaseException("no case " + id + " in this store; `vigil cases list` shows "
                + "the cases (add --state closed for closed ones), and --db chooses another store"));
    }

    public CaseDetail detail(CaseId id) {
        CaseSummary summary = require(id);
        Map<String, List<String>> resources = new LinkedHashMap<>();
        Map<String, Long> resourceCounts = new LinkedHashMap<>();
        handle.createQuery("SELECT kind, count(*) AS total FROM case_resources WHERE case_number = :number GROUP BY kind ORDER BY kind")
                .bind("number", id.number())
                .map((rows, context) -> Map.entry(rows.getString("kind"), rows.getLong("total")))
                .forEach(entry -> resourceCounts.put(entry.getKey(), entry.getValue()));
        for (String kind : resourceCounts.keySet()) {
            resources.put(kind, handle.createQuery("SELECT resource FROM case_resources WHERE case_number = :number "
                            + "AND kind = :kind ORDER BY resource LIMIT 50")
                    .bind("number", id.number()).bind("kind", kind).mapTo(String.class).list());
        }
        List<CaseFinding> findings = handle.createQuery("SELECT id, type, resource_label, remote_ip, remote_port, disposition, "
                        + "level_rank, occurrences, created_at, updated_at, deciding_rule FROM findings "
                        + "WHERE case_number = :number ORDER BY level_rank DESC, updated_at DESC LIMIT 10")
                .bind("number", id.number())
                .map((rows, context) -> finding(rows))
                .list();
        Verdict verdict = handle.createQuery("SELECT verdict FROM findings WHERE case_number = :number "
                        + "ORDER BY level_rank DESC, updated_at DESC LIMIT 1")
                .bind("number", id.number())
                .map((rows, context) -> rows.getBytes(1))
                .findOne()
                .map(stored -> StoredVerdicts.read(stored, this::dictionary))
                .orElse(null);
        long findingEvents = handle.createQuery("SELECT count(*) FROM timeline WHERE case_number = :number "
                        + "AND kind IN (" + FINDING_EVENTS + ")")
                .bind("number", id.number()).mapTo(Long.class).one();
        List<TimelineEntry> timeline = new ArrayList<>(timeline(id, "kind IN (" + RESPONDER_EVENTS + ")", "id",
                Integer.MAX_VALUE));
        timeline.addAll(timeline(id, "kind IN (" + FINDING_EVENTS + ")", "id", FINDING_EVENTS_SHOWN));
        if (findingEvents > FINDING_EVENTS_SHOWN) {
            timeline.addAll(timeline(id, "kind IN (" + FINDING_EVENTS + ")", "id DESC",
                    (int) Math.min(FINDING_EVENTS_SHOWN, findingEvents - FINDING_EVENTS_SHOWN)));
        }
        timeline.sort(Comparator.comparingLong(TimelineEntry::id));
        long instances = resourceCounts.getOrDefault("instance", 0L);
        return new CaseDetail(summary, verdict, resources, resourceCounts, findings, checklist(id), timeline, findingEvents,
                CaseMetrics.of(summary, instances));
    }

    /** The case's checklist ({@code case_checklists}, in order) with the steps checked off ({@code checked_steps}). */
    public List<ChecklistItem> checklist(CaseId id) {
        byte[] stored = handle.createQuery("SELECT steps FROM case_checklists WHERE case_number = :number")
                .bind("number", id.number()).map((rows, context) -> rows.getBytes(1)).findOne().orElse(null);
        Map<String, ChecklistItem> checked = new HashMap<>();
        handle.createQuery("SELECT step_id, done_at, done_by, note FROM checked_steps WHERE case_number = :number")
                .bind("number", id.number())
                .map((rows, context) -> new ChecklistItem(rows.getString("step_id"), 0, null, null,
                        Times.instant(rows, "done_at"), rows.getString("done_by"), rows.getString("note")))
                .forEach(item -> checked.put(item.stepId(), item));
        List<ChecklistItem> checklist = new ArrayList<>();
        for (Step step : Checklists.read(stored, this::dictionary)) {
            ChecklistItem done = checked.get(step.id());
            checklist.add(new ChecklistItem(step.id(), checklist.size() + 1, step.phase(), step.text(),
                    done == null ? null : done.doneAt(), done == null ? null : done.doneBy(), done == null ? null : done.note()));
        }
        return checklist;
    }

    private byte[] dictionary(long id) {
        try {
            return Blobs.stored(handle.getConnection(), id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read compression dictionary " + id + ": " + e.getMessage(), e);
        }
    }

    /** The whole timeline in order (every joined finding too), for export and tests. */
    public List<TimelineEntry> fullTimeline(CaseId id) {
        return timeline(id, "1 = 1", "id", Integer.MAX_VALUE);
    }

    private List<TimelineEntry> timeline(CaseId id, String condition, String order, int limit) {
        return handle.createQuery("SELECT id, at, actor, kind, from_state, to_state, finding_id, text FROM timeline "
                        + "WHERE case_number = :number AND " + condition + " ORDER BY " + order + " LIMIT :limit")
                .bind("number", id.number())
                .bind("limit", limit)
                .map((rows, context) -> new TimelineEntry(rows.getLong("id"), Times.instant(rows, "at"),
                        rows.getString("actor"), rows.getString("kind"), rows.getString("from_state"),
                        rows.getString("to_state"), rows.getString("finding_id"), rows.getString("text")))
                .list();
    }

    static CaseSummary summary(ResultSet rows) throws SQLException {
        return new CaseSummary(new CaseId(rows.getLong("number")), rows.getString("title"), rows.getString("type"),
                rows.getString("account_id"), CaseState.parse(rows.getString("state")), rows.getString("resolution"),
                level(rows.getInt("level_rank")), rows.getDouble("max_score"), rows.getLong("finding_count"),
                rows.getString("playbook"), rows.getString("playbook_version"),
                Times.instant(rows, "first_seen"), Times.instant(rows, "last_seen"), Times.instant(rows, "detected_at"),
                Times.instant(rows, "opened_at"), Times.instant(rows, "updated_at"),
                Times.instant(rows, "investigating_at"), Times.instant(rows, "contained_at"),
                Times.instant(rows, "eradicated_at"), Times.instant(rows, "recovered_at"), Times.instant(rows, "closed_at"));
    }

    private static CaseFinding finding(ResultSet rows) throws SQLException {
        String ip = rows.getString("remote_ip");
        Integer port = Times.nullableInt(rows, "remote_port");
        String remote = ip == null ? null : port == null ? ip : (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
        return new CaseFinding(rows.getString("id"), rows.getString("type"), rows.getString("resource_label"), remote,
                Disposition.valueOf(rows.getString("disposition").toUpperCase(Locale.ROOT)), level(rows.getInt("level_rank")),
                rows.getLong("occurrences"), Times.instant(rows, "created_at"), Times.instant(rows, "updated_at"),
                rows.getString("deciding_rule"));
    }

    static Level level(int rank) {
        return rank < 1 ? Level.LOW : Level.values()[Math.min(rank, Level.values().length) - 1];
    }
}
