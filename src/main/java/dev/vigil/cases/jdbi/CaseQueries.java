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
import java.sql.Connection;
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

/**
 * Reads cases, in plain JDBC ({@link Rows}): the SQL of {@code vigil cases list / show} is here. Every query is served
 * by an index, so listing and showing stay fast with millions of findings.
 */
public final class CaseQueries {

    static final String CASE_COLUMNS = "number, title, type, account_id, state, resolution, level_rank, max_score, "
            + "finding_count, playbook, playbook_version, first_seen, last_seen, detected_at, opened_at, updated_at, "
            + "investigating_at, contained_at, eradicated_at, recovered_at, closed_at";

    /** Findings joining or updating a case, shown at each end of the timeline; the ones between are counted. */
    static final int FINDING_EVENTS_SHOWN = 5;
    static final String FINDING_EVENTS = "'finding_joined', 'finding_updated'";
    static final String RESPONDER_EVENTS = "'opened', 'moved', 'step_checked', 'note'";

    private final Connection connection;

    /** Queries on {@code connection}, in its transaction if it is in one; the caller closes it. */
    public CaseQueries(Connection connection) {
        this.connection = connection;
    }

    public List<CaseSummary> list(CaseFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM cases");
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add("state = ?");
            parameters.add(filter.state().id());
        } else if (!filter.includeClosed()) {
            conditions.add("state <> 'closed'");
        }
        if (filter.severity() != null) {
            conditions.add("level_rank = ?");
            parameters.add(filter.severity().ordinal() + 1);
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY level_rank DESC, last_seen DESC, number DESC LIMIT ?");
        parameters.add(filter.limit());
        return Rows.list(connection, sql.toString(), CaseQueries::summary, parameters.toArray());
    }

    public Optional<CaseSummary> find(CaseId id) {
        return Rows.first(connection, "SELECT " + CASE_COLUMNS + " FROM cases WHERE number = ?", CaseQueries::summary,
                id.number());
    }

    public CaseSummary require(CaseId id) {
        return find(id).orElseThrow(() -> new CaseException("no case " + id + " in this store; `vigil cases list` shows "
                + "the cases (add --state closed for closed ones), and --db chooses another store"));
    }

    public CaseDetail detail(CaseId id) {
        CaseSummary summary = require(id);
        Map<String, List<String>> resources = new LinkedHashMap<>();
        Map<String, Long> resourceCounts = new LinkedHashMap<>();
        Rows.list(connection, "SELECT kind, count(*) AS total FROM case_resources WHERE case_number = ? GROUP BY kind "
                        + "ORDER BY kind", rows -> Map.entry(rows.getString("kind"), rows.getLong("total")), id.number())
                .forEach(entry -> resourceCounts.put(entry.getKey(), entry.getValue()));
        for (String kind : resourceCounts.keySet()) {
            resources.put(kind, Rows.list(connection, "SELECT resource FROM case_resources WHERE case_number = ? "
                    + "AND kind = ? ORDER BY resource LIMIT 50", rows -> rows.getString(1), id.number(), kind));
        }
        List<CaseFinding> findings = Rows.list(connection, "SELECT id, type, resource_label, remote_ip, remote_port, "
                + "disposition, level_rank, occurrences, created_at, updated_at, deciding_rule FROM findings "
                + "WHERE case_number = ? ORDER BY level_rank DESC, updated_at DESC LIMIT 10", CaseQueries::finding, id.number());
        Verdict verdict = Rows.first(connection, "SELECT verdict FROM findings WHERE case_number = ? "
                        + "ORDER BY level_rank DESC, updated_at DESC LIMIT 1", rows -> rows.getBytes(1), id.number())
                .map(stored -> StoredVerdicts.read(stored, this::dictionary))
                .orElse(null);
        long findingEvents = Rows.count(connection, "SELECT count(*) FROM timeline WHERE case_number = ? "
                + "AND kind IN (" + FINDING_EVENTS + ")", id.number());
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
        byte[] stored = Rows.first(connection, "SELECT steps FROM case_checklists WHERE case_number = ?",
                rows -> rows.getBytes(1), id.number()).orElse(null);
        Map<String, ChecklistItem> checked = new HashMap<>();
        Rows.list(connection, "SELECT step_id, done_at, done_by, note FROM checked_steps WHERE case_number = ?",
                        rows -> new ChecklistItem(rows.getString("step_id"), 0, null, null,
                                Times.instant(rows, "done_at"), rows.getString("done_by"), rows.getString("note")),
                        id.number())
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
            return Blobs.stored(connection, id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read compression dictionary " + id + ": " + e.getMessage(), e);
        }
    }

    /** The whole timeline in order (every joined finding too), for export and tests. */
    public List<TimelineEntry> fullTimeline(CaseId id) {
        return timeline(id, "1 = 1", "id", Integer.MAX_VALUE);
    }

    private List<TimelineEntry> timeline(CaseId id, String condition, String order, int limit) {
        return Rows.list(connection, "SELECT id, at, actor, kind, from_state, to_state, finding_id, text FROM timeline "
                        + "WHERE case_number = ? AND " + condition + " ORDER BY " + order + " LIMIT ?",
                rows -> new TimelineEntry(rows.getLong("id"), Times.instant(rows, "at"), rows.getString("actor"),
                        rows.getString("kind"), rows.getString("from_state"), rows.getString("to_state"),
                        rows.getString("finding_id"), rows.getString("text")),
                id.number(), limit);
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
