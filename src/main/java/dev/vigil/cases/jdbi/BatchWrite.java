package dev.vigil.cases.jdbi;

import dev.vigil.cases.CaseKeys;
import dev.vigil.cases.CaseState;
import dev.vigil.cases.RecordSummary;
import dev.vigil.finding.Finding;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.ResourceRef;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes one batch of triaged findings in the caller's transaction: the findings (new, or a newer version keeping the
 * earlier verdict in {@code finding_versions}), their contacts and pattern instances for the history, and the cases they open or join with
 * resources, checklist (one row per case) and timeline. A finding already stored in the same or a newer version writes nothing.
 */
public final class BatchWrite {

    /**
     * One triaged finding to store, with its verdict's JSON. The JSON is made where the entry is made, on the triage
     * thread, which waits on the store most of an import: the writer thread, the longest chain, only compresses it.
     */
    public record Entry(Finding finding, Verdict verdict, byte[] verdictJson) {
        public Entry(Finding finding, Verdict verdict) {
            this(finding, verdict, StoredVerdicts.json(verdict));
        }

        /**
         * The entry a recorder keeps until its batch is written: the verdict's JSON, the finding without the document it
         * was read from and the verdict without what only the JSON needs (evidence, questions, next steps). Thousands
         * of findings wait for the writer at a time; with their documents the collector copied them from generation to
         * generation (about 2 s of its CPU per 100,000 findings).
         */
        public static Entry compact(Finding finding, Verdict verdict) {
            byte[] json = StoredVerdicts.json(verdict);
            Finding lean = new Finding(finding.id(), finding.arn(), finding.type(), finding.accountId(), finding.region(),
                    finding.partition(), finding.title(), finding.description(), finding.createdAt(), finding.updatedAt(),
                    finding.eventFirstSeen(), finding.eventLastSeen(), finding.count(), finding.archived(), finding.sample(),
                    finding.severity(), finding.resource(), finding.action(), finding.sourceFormat(), null);
            List<RuleHit> rules = new ArrayList<>(verdict.rules().size());
            for (RuleHit rule : verdict.rules()) {
                rules.add(new RuleHit(rule.id(), rule.effect(), rule.summary(), Map.of()));
            }
            Verdict slim = new Verdict(verdict.findingId(), verdict.type(), verdict.accountId(), verdict.disposition(),
                    verdict.severity(), verdict.playbook(), verdict.playbookVersion(), rules, List.of(), verdict.facts(),
                    List.of(), verdict.checklist(), verdict.caseKey());
            return new Entry(lean, slim, json);
        }
    }

    /** The history's "any port", asked for with a null port: answered over the rows of every port (schema 3). */
    public static final int ANY_PORT = -1;
    /** The history's port for an activity without one (an API call). */
    public static final int NO_PORT = -2;

    public static int port(Integer port) {
        return port == null ? NO_PORT : port;
    }

    private record Stored(Long updatedAt, long occurrences, Long caseNumber, String disposition, int levelRank,
                          String playbookVersion, String decidingRule, byte[] verdict) {
    }

    /** A case touched by this batch: opened now (with its {@code row} to insert), or existing and joined / updated. */
    private static final class CaseDraft {
        final long number;
        final boolean opened;
        /** The new case's row laid out as {@code CASE_COLUMNS}, its figures set when the batch is written; null: existing. */
        final Object[] row;
        long added;
        int levelRank;
        double maxScore;
        Long firstSeen;
        Long lastSeen;
        Long detectedAt;

        CaseDraft(long number, Object[] row) {
            this.number = number;
            this.opened = row != null;
            this.row = row;
        }

        void absorb(Finding finding, int rank, boolean joins) {
            added += joins ? 1 : 0;
            levelRank = Math.max(levelRank, rank);
            maxScore = Math.max(maxScore, finding.severity().score());
            firstSeen = min(firstSeen, Times.millis(firstSeen(finding)));
            lastSeen = max(lastSeen, Times.millis(lastSeen(finding)));
            detectedAt = min(detectedAt, Times.millis(finding.createdAt()));
        }
    }

    private final Handle handle;
    private final long now;
    private final String actor;
    private final Blobs.Writer blobs;
    private final OwnWrites own;

    /**
     * {@code blobs} compresses verdicts and checklists; one per writer, kept from batch to batch. {@code own} (null: none)
     * spares the look-ups of findings and cases the store cannot hold; one per writer too.
     */
    public BatchWrite(Handle handle, Instant now, String actor, Blobs.Writer blobs, OwnWrites own) {
        this.handle = handle;
        this.blobs = blobs;
        this.own = own;
        this.now = now.toEpochMilli();
        this.actor = actor;
    }

    // this batch's rows, gathered by add() and written by write()
    private Map<String, Stored> stored;
    private Map<String, Long> openCases;
    private final Map<Long, CaseDraft> drafts = new LinkedHashMap<>();
    private final Map<String, Object[]> inserts = new LinkedHashMap<>();
    private final List<Object[]> updates = new ArrayList<>();
    private final List<Map<String, Object>> versions = new ArrayList<>();
    private final Map<String, Object[]> contacts = new HashMap<>();
    private final Map<String, Object[]> patterns = new HashMap<>();
    private final Set<List<Object>> resources = new LinkedHashSet<>();
    private final List<Object[]> events = new ArrayList<>();
    private final List<Object[]> newCases = new ArrayList<>();
    private final List<Object[]> checklists = new ArrayList<>();
    private long written;
    private long updated;
    private long unchanged;
    private long joined;

    /** Writes the batch; call once per BatchWrite. */
    public RecordSummary write(List<Entry> entries) {
        stored = loadStored(entries);
        openCases = loadOpenCases(entries);
        prepareBlobs(entries);
        for (Entry entry : entries) {
            add(entry.finding(), entry.verdict(), entry.verdictJson());
        }

        long firstNewCase = newCases.isEmpty() ? 0 : Counters.reserve(handle, "case", newCases.size());
        UnaryOperator<Object> caseNumbers = value -> value instanceof Long number && number < 0
                ? firstNewCase + (-number - 1) : value;
        if (!events.isEmpty()) {
            long id = Counters.reserve(handle, "event", events.size());
            for (Object[] event : events) {
                event[0] = id++;
            }
        }
        List<Object[]> caseUpdates = caseRows(drafts.values());
        List<Object[]> resourceRows = new ArrayList<>(resources.size());
        for (List<Object> resource : resources) {
            resourceRows.add(resource.toArray());
        }
        try {
            Connection connection = handle.getConnection();
            INSERT_FINDING.executeRows(connection, inserts.values(), caseNumbers);
            UPDATE_FINDING.executeRows(connection, updates, caseNumbers);
            INSERT_VERSION.execute(connection, versions, caseNumbers);
            UPSERT_CONTACT.executeRows(connection, contacts.values(), caseNumbers);
            UPSERT_PATTERN.executeRows(connection, patterns.values(), caseNumbers);
            INSERT_CASE.executeRows(connection, newCases, caseNumbers);
            UPDATE_CASE.executeRows(connection, caseUpdates, caseNumbers);
            INSERT_CHECKLIST.executeRows(connection, checklists, caseNumbers);
            INSERT_RESOURCE.executeRows(connection, resourceRows, caseNumbers);
            INSERT_EVENT.executeRows(connection, events, caseNumbers);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a batch of " + entries.size() + " findings: " + e.getMessage(), e);
        }
        long opened = newCases.size();
        return new RecordSummary(written, updated, unchanged, opened, joined - opened);
    }

    /**
     * Gathers the rows of one finding. A method of its own, called once per finding, so that the JIT compiles it once;
     * as the body of write()'s loop it was compiled again and again with all of write() (on-stack replacement).
     */
    private void add(Finding finding, Verdict verdict, byte[] verdictJson) {
        Stored before = stored.get(finding.id());
        if (before != null && !newer(finding, before)) {
            unchanged++;
            return;
        }
        int rank = verdict.severity().ordinal() + 1;
        byte[] storedVerdict = blobs.compress(verdictJson);
        Long caseNumber = before == null ? null : before.caseNumber();
        boolean joins = false;
        if (!verdict.disposition().suppressed() && caseNumber == null) {
            String key = CaseKeys.of(finding, verdict);
            Long open = openCases.get(key);
            if (open == null) {
                open = -(newCases.size() + 1L);
                openCases.put(key, open);
                if (own != null) {
                    own.openedCase(key);
                }
                Object[] row = newCase(open, key, finding, verdict);
                drafts.put(open, new CaseDraft(open, row));
                newCases.add(row);
                checklists.add(new Object[] {open, blobs.compress(Checklists.json(verdict.checklist()))});
                events.add(event(open, "opened", null, CaseState.OPEN.id(), finding.id(),
                        "opened by " + finding.type().name() + " finding " + finding.id() + ": " + reason(verdict)));
            } else {
                events.add(event(open, "finding_joined", null, null, finding.id(), reason(verdict)));
            }
            caseNumber = open;
            joins = true;
            joined++;
        } else if (caseNumber != null) {
            events.add(event(caseNumber, "finding_updated", null, null, finding.id(),
                    "count " + finding.count() + ", updated " + finding.updatedAt() + ": " + reason(verdict)));
        }
        Object[] row = findingRow(finding, verdict, rank, caseNumber, storedVerdict);
        if (before == null) {
            inserts.put(finding.id(), row);
            written++;
            if (own != null) {
                own.wroteFinding(finding.id());
            }
        } else {
            if (inserts.containsKey(finding.id())) {
                inserts.put(finding.id(), row);
            } else {
                updates.add(row);
            }
            versions.add(versionRow(finding.id(), before));
            updated++;
        }
        stored.put(finding.id(), new Stored(Times.millis(finding.updatedAt()), finding.count(), caseNumber,
                verdict.disposition().id(), rank, verdict.playbookVersion(), decidingRule(verdict), storedVerdict));
        history(finding, contacts, patterns);
        if (caseNumber != null) {
            final long number = caseNumber;
            drafts.computeIfAbsent(number, n -> new CaseDraft(n, null)).absorb(finding, rank, joins);
            for (String[] resource : resources(finding)) {
                resources.add(List.of(number, resource[0], resource[1]));
            }
        }
    }

    /** The first batch of a store gives its verdicts and checklists to train the compression dictionary from. */
    private void prepareBlobs(List<Entry> entries) {
        List<byte[]> samples = new ArrayList<>();
        Supplier<List<byte[]>> batchValues = () -> {
            if (samples.isEmpty()) {
                // every verdict, and the checklists of every other finding (a case opens for about half of them)
                for (int i = 0; i < entries.size(); i++) {
                    Verdict verdict = entries.get(i).verdict();
                    samples.add(entries.get(i).verdictJson());
                    if (i % 2 == 0 && !verdict.checklist().isEmpty()) {
                        samples.add(Checklists.json(verdict.checklist()));
                    }
                }
            }
            return samples;
        };
        try {
            blobs.prepare(handle.getConnection(), batchValues, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or store the compression dictionary: " + e.getMessage(), e);
        }
    }

    private static boolean newer(Finding finding, Stored before) {
        Long updatedAt = Times.millis(finding.updatedAt());
        if (updatedAt != null && before.updatedAt() != null && !updatedAt.equals(before.updatedAt())) {
            return updatedAt > before.updatedAt();
        }
        if (updatedAt != null && before.updatedAt() == null) {
            return true;
        }
        return finding.count() > before.occurrences();
    }

    private Map<String, Stored> loadStored(List<Entry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        for (Entry entry : entries) {
            String id = entry.finding().id();
            if (own == null || own.mayHoldFinding(id)) {
                ids.add(id);
            }
        }
        Map<String, Stored> stored = new HashMap<>();
        select("SELECT id, updated_at, occurrences, case_number, disposition, level_rank, playbook_version, "
                + "deciding_rule, verdict FROM findings WHERE id IN ", ids, rows -> stored.put(rows.getString("id"),
                new Stored(Times.nullableLong(rows, "updated_at"), rows.getLong("occurrences"),
                        Times.nullableLong(rows, "case_number"), rows.getString("disposition"),
                        rows.getInt("level_rank"), rows.getString("playbook_version"),
                        rows.getString("deciding_rule"), rows.getBytes("verdict"))));
        return stored;
    }

    private Map<String, Long> loadOpenCases(List<Entry> entries) {
        Set<String> keys = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (!entry.verdict().disposition().suppressed()) {
                String key = CaseKeys.of(entry.finding(), entry.verdict());
                if (own == null || own.mayHoldOpenCase(key)) {
                    keys.add(key);
                }
            }
        }
        Map<String, Long> open = new HashMap<>();
        select("SELECT open_key, number FROM cases WHERE open_key IN ", keys,
                rows -> open.put(rows.getString("open_key"), rows.getLong("number")));
        return open;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs {@code selectIn} followed by {@code (?, ?, ...)} over the values, a chunk at a time, with plain JDBC: per
     * batch Jdbi would render and parse a statement with hundreds of list parameters, twice.
     */
    private void select(String selectIn, Set<String> values, RowReader reader) {
        Connection connection = handle.getConnection();
        try {
            for (List<String> chunk : chunks(new ArrayList<>(values))) {
                StringBuilder sql = new StringBuilder(selectIn.length() + chunk.size() * 3).append(selectIn).append('(');
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.append(')').toString())) {
                    bind(statement, chunk);
                    read(statement, reader);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what the store holds for a batch of findings: " + e.getMessage(), e);
        }
    }

    // bind() and read() are methods of their own so that the JIT compiles their loops, not select() whole, over and over

    private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static void read(PreparedStatement statement, RowReader reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += 500) {
            chunks.add(items.subList(start, Math.min(items.size(), start + 500)));
        }
        return chunks;
    }

    /** The layout of a finding's row (see {@link JdbcBatch#executeRows}). */
    private static final List<String> FINDING_COLUMNS = List.of("id", "type", "account_id", "region", "title", "score",
            "created_at", "updated_at", "event_first_seen", "event_last_seen", "occurrences", "resource_label", "instance_id",
            "remote_ip", "remote_port", "disposition", "level_rank", "playbook", "playbook_version", "deciding_rule",
            "suppressed_by", "case_number", "stored_at", "verdict");
    private static final List<String> EVENT_COLUMNS = List.of("id", "case_number", "at", "actor", "kind", "from_state",
            "to_state", "finding_id", "text");
    private static final List<String> CONTACT_COLUMNS = List.of("subject", "remote_ip", "remote_port", "first_seen");
    private static final List<String> PATTERN_COLUMNS = List.of("type", "remote_ip", "remote_port", "instance_id",
            "first_seen", "last_seen");
    private static final List<String> RESOURCE_COLUMNS = List.of("case_number", "kind", "resource");
    /** A case's row: what a new case is inserted with ({@code newCase}), then its figures ({@code caseRows}). */
    private static final List<String> CASE_COLUMNS = List.of("number", "case_key", "type", "account_id", "title",
            "playbook", "playbook_version", "first_finding_id", "now", "added", "level_rank", "max_score", "first_seen",
            "last_seen", "detected_at");
    private static final List<String> CHECKLIST_COLUMNS = List.of("case_number", "steps");

    private static final JdbcBatch INSERT_FINDING = new JdbcBatch("INSERT INTO findings (id, type, account_id, region, title, score, created_at, "
            + "updated_at, event_first_seen, event_last_seen, occurrences, resource_label, instance_id, remote_ip, remote_port, "
            + "disposition, level_rank, playbook, playbook_version, deciding_rule, suppressed_by, case_number, stored_at, verdict) "
            + "VALUES (:id, :type, :account_id, :region, :title, :score, :created_at, :updated_at, :event_first_seen, "
            + ":event_last_seen, :occurrences, :resource_label, :instance_id, :remote_ip, :remote_port, :disposition, :level_rank, "
            + ":playbook, :playbook_version, :deciding_rule, :suppressed_by, :case_number, :stored_at, :verdict)", FINDING_COLUMNS);

    private static final JdbcBatch UPDATE_FINDING = new JdbcBatch("UPDATE findings SET type = :type, account_id = :account_id, region = :region, "
            + "title = :title, score = :score, created_at = :created_at, updated_at = :updated_at, "
            + "event_first_seen = :event_first_seen, event_last_seen = :event_last_seen, occurrences = :occurrences, "
            + "resource_label = :resource_label, instance_id = :instance_id, remote_ip = :remote_ip, remote_port = :remote_port, "
            + "disposition = :disposition, level_rank = :level_rank, playbook = :playbook, playbook_version = :playbook_version, "
            + "deciding_rule = :deciding_rule, suppressed_by = :suppressed_by, case_number = :case_number, stored_at = :stored_at, "
            + "verdict = :verdict WHERE id = :id", FINDING_COLUMNS);

    private static final JdbcBatch INSERT_VERSION = new JdbcBatch("INSERT INTO finding_versions (finding_id, updated_at, occurrences, disposition, "
            + "level_rank, playbook_version, deciding_rule, verdict, replaced_at) VALUES (:finding_id, :updated_at, "
            + ":occurrences, :disposition, :level_rank, :playbook_version, :deciding_rule, :verdict, :replaced_at)");

    private static final JdbcBatch UPSERT_CONTACT = new JdbcBatch("INSERT INTO contacts (subject, remote_ip, remote_port, "
            + "first_seen) VALUES (:subject, :remote_ip, :remote_port, :first_seen) "
            + "ON CONFLICT (subject, remote_ip, remote_port) DO UPDATE SET first_seen = CASE "
            + "WHEN excluded.first_seen < contacts.first_seen THEN excluded.first_seen ELSE contacts.first_seen END",
            CONTACT_COLUMNS);

    private static final JdbcBatch UPSERT_PATTERN = new JdbcBatch("INSERT INTO pattern_instances (type, remote_ip, "
            + "remote_port, instance_id, first_seen, last_seen) VALUES (:type, :remote_ip, :remote_port, :instance_id, "
            + ":first_seen, :last_seen) ON CONFLICT (type, remote_ip, remote_port, instance_id) DO UPDATE SET "
            + "first_seen = CASE WHEN excluded.first_seen < pattern_instances.first_seen THEN excluded.first_seen "
            + "ELSE pattern_instances.first_seen END, "
            + "last_seen = CASE WHEN excluded.last_seen > pattern_instances.last_seen THEN excluded.last_seen "
            + "ELSE pattern_instances.last_seen END", PATTERN_COLUMNS);

    private static final JdbcBatch INSERT_CASE = new JdbcBatch("INSERT INTO cases (number, case_key, open_key, type, account_id, title, state, "
            + "resolution, level_rank, max_score, playbook, playbook_version, first_finding_id, finding_count, first_seen, "
            + "last_seen, detected_at, opened_at, updated_at) VALUES (:number, :case_key, :case_key, :type, :account_id, :title, "
            + "'open', NULL, :level_rank, :max_score, :playbook, :playbook_version, :first_finding_id, :added, :first_seen, "
            + ":last_seen, :detected_at, :now, :now)", CASE_COLUMNS);

    private static final JdbcBatch INSERT_CHECKLIST = new JdbcBatch("INSERT INTO case_checklists (case_number, steps) "
            + "VALUES (:case_number, :steps)", CHECKLIST_COLUMNS);

    private static final JdbcBatch UPDATE_CASE = new JdbcBatch("UPDATE cases SET finding_count = finding_count + :added, "
            + "level_rank = CASE WHEN level_rank < :level_rank THEN :level_rank ELSE level_rank END, "
            + "max_score = CASE WHEN max_score < :max_score THEN :max_score ELSE max_score END, "
            + "first_seen = CASE WHEN first_seen IS NULL OR first_seen > :first_seen THEN :first_seen ELSE first_seen END, "
            + "last_seen = CASE WHEN last_seen IS NULL OR last_seen < :last_seen THEN :last_seen ELSE last_seen END, "
            + "detected_at = CASE WHEN detected_at IS NULL OR detected_at > :detected_at THEN :detected_at ELSE detected_at END, "
            + "updated_at = :now WHERE number = :number", CASE_COLUMNS);

    private static final JdbcBatch INSERT_RESOURCE = new JdbcBatch("INSERT INTO case_resources (case_number, kind, resource) "
            + "VALUES (:case_number, :kind, :resource) ON CONFLICT DO NOTHING", RESOURCE_COLUMNS);

    private static final JdbcBatch INSERT_EVENT = new JdbcBatch(Timeline.INSERT, EVENT_COLUMNS);

    /**
     * The cases this batch opened get their figures in their insert, the others in an update: an insert followed by an
     * update moved each new case's entries in the indexes on level and last seen a second time.
     */
    private List<Object[]> caseRows(Iterable<CaseDraft> drafts) {
        List<Object[]> updates = new ArrayList<>();
        for (CaseDraft draft : drafts) {
            Object[] row = draft.opened ? draft.row : new Object[CASE_COLUMNS.size()];
            row[0] = draft.number;
            row[8] = now;
            row[9] = draft.added;
            row[10] = draft.levelRank;
            row[11] = draft.maxScore;
            row[12] = draft.firstSeen;
            row[13] = draft.lastSeen;
            row[14] = draft.detectedAt;
            if (!draft.opened) {
                updates.add(row);
            }
        }
        return updates;
    }

    /** A timeline row laid out as {@code EVENT_COLUMNS}; its id is set once the batch's ids are reserved. */
    private Object[] event(long caseNumber, String kind, String from, String to, String findingId, String text) {
        return new Object[] {null, caseNumber, now, "vigil", kind, from, to, findingId, text};
    }

    /** A new case's row laid out as {@code CASE_COLUMNS}, without its figures. */
    private Object[] newCase(long number, String key, Finding finding, Verdict verdict) {
        Object[] row = new Object[CASE_COLUMNS.size()];
        row[0] = number;
        row[1] = truncate(key, 512);
        row[2] = finding.type().name();
        row[3] = finding.accountId();
        row[4] = CaseKeys.title(finding);
        row[5] = verdict.playbook();
        row[6] = verdict.playbookVersion();
        row[7] = finding.id();
        row[8] = now;
        return row;
    }

    /** A finding's row laid out as {@code FINDING_COLUMNS}. */
    private Object[] findingRow(Finding finding, Verdict verdict, int rank, Long caseNumber, byte[] storedVerdict) {
        RemoteEndpoint remote = finding.remote().orElse(null);
        return new Object[] {
                finding.id(),
                finding.type().name(),
                finding.accountId(),
                finding.region(),
                finding.title(),
                finding.severity().score(),
                Times.millis(finding.createdAt()),
                Times.millis(finding.updatedAt()),
                Times.millis(finding.eventFirstSeen()),
                Times.millis(finding.eventLastSeen()),
                finding.count(),
                truncate(finding.resource().label(), 256),
                finding.instance().map(instance -> instance.id()).orElse(null),
                remote == null ? null : remote.ip(),
                remote == null ? null : remote.port(),
                verdict.disposition().id(),
                rank,
                verdict.playbook(),
                verdict.playbookVersion(),
                decidingRule(verdict),
                verdict.disposition().suppressed() ? suppressedBy(verdict) : null,
                caseNumber,
                now,
                storedVerdict};
    }

    private Map<String, Object> versionRow(String findingId, Stored before) {
        Map<String, Object> row = new HashMap<>();
        row.put("finding_id", findingId);
        row.put("updated_at", before.updatedAt());
        row.put("occurrences", before.occurrences());
        row.put("disposition", before.disposition());
        row.put("level_rank", before.levelRank());
        row.put("playbook_version", before.playbookVersion());
        row.put("deciding_rule", before.decidingRule());
        row.put("verdict", before.verdict());
        row.put("replaced_at", now);
        return row;
    }

    /** Adds the finding's contacts and pattern instances to this batch's, merged per key (earliest first, latest last). */
    private static void history(Finding finding, Map<String, Object[]> contacts, Map<String, Object[]> patterns) {
        Instant firstSeen = firstSeen(finding);
        if (firstSeen == null) {
            return;
        }
        long first = firstSeen.toEpochMilli();
        Instant lastSeen = lastSeen(finding);
        long last = lastSeen == null ? first : Math.max(first, lastSeen.toEpochMilli());
        String instance = finding.instance().map(i -> i.id()).orElse(null);
        String subject = instance != null ? instance : finding.accountId();
        for (RemoteEndpoint remote : finding.action().remotes()) {
            if (remote.ip() == null || remote.ip().isBlank()) {
                continue;
            }
            int port = port(remote.port());
            if (subject != null) {
                Object[] contact = contacts.computeIfAbsent(subject + "|" + remote.ip() + "|" + port,
                        key -> new Object[] {truncate(subject, 256), remote.ip(), port, first});
                contact[3] = Math.min((Long) contact[3], first);
            }
            if (instance != null) {
                String type = finding.type().name();
                Object[] pattern = patterns.computeIfAbsent(type + "|" + remote.ip() + "|" + port + "|" + instance,
                        key -> new Object[] {truncate(type, 256), remote.ip(), port, instance, first, last});
                pattern[4] = Math.min((Long) pattern[4], first);
                pattern[5] = Math.max((Long) pattern[5], last);
            }
        }
    }

    /** When the activity started: GuardDuty's eventFirstSeen, else when the finding was created or updated. */
    public static Instant firstSeen(Finding finding) {
        return finding.eventFirstSeen() != null ? finding.eventFirstSeen()
                : finding.createdAt() != null ? finding.createdAt() : finding.updatedAt();
    }

    /** When the activity was last seen: GuardDuty's eventLastSeen, else the update or creation time. */
    public static Instant lastSeen(Finding finding) {
        return finding.eventLastSeen() != null ? finding.eventLastSeen()
                : finding.updatedAt() != null ? finding.updatedAt() : firstSeen(finding);
    }

    private static List<String[]> resources(Finding finding) {
        List<String[]> resources = new ArrayList<>();
        var resource = finding.resource();
        if (resource.instance() != null && resource.instance().id() != null) {
            resources.add(new String[] {"instance", resource.instance().id()});
        }
        if (resource.accessKey() != null) {
            String key = resource.accessKey().userName() != null ? resource.accessKey().userName()
                    : resource.accessKey().accessKeyId();
            if (key != null) {
                resources.add(new String[] {"access-key", key});
            }
        }
        for (S3Bucket bucket : resource.s3Buckets()) {
            if (bucket.name() != null) {
                resources.add(new String[] {"s3-bucket", bucket.name()});
            }
        }
        for (ResourceRef other : resource.others()) {
            String name = other.name() != null ? other.name() : other.id();
            if (name != null) {
                resources.add(new String[] {other.kind() == null ? "resource" : truncate(other.kind(), 32), truncate(name, 256)});
            }
        }
        return resources;
    }

    private static String decidingRule(Verdict verdict) {
        RuleHit rule = verdict.decidingRule();
        return rule == null ? null : truncate(rule.id(), 128);
    }

    /** The rule that suppressed the finding: the last rule whose effect suppresses, else the deciding rule. */
    static String suppressedBy(Verdict verdict) {
        for (int i = verdict.rules().size() - 1; i >= 0; i--) {
            RuleHit rule = verdict.rules().get(i);
            String effect = rule.effect() == null ? "" : rule.effect();
            if (effect.startsWith("suppress") || effect.contains("false_positive") || effect.contains("acknowledged")) {
                return truncate(rule.id(), 128);
            }
        }
        String deciding = decidingRule(verdict);
        return deciding == null ? "(no rule)" : deciding;
    }

    private static String reason(Verdict verdict) {
        RuleHit rule = verdict.decidingRule();
        return verdict.disposition().id() + ", " + verdict.severity().id()
                + (rule == null ? "" : " (" + rule.id() + (rule.summary() == null ? "" : ": " + rule.summary()) + ")");
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
