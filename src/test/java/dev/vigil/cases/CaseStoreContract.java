package dev.vigil.cases;

import static dev.vigil.cases.Triaged.DEVELOPMENT;
import static dev.vigil.cases.Triaged.MONDAY;
import static dev.vigil.cases.Triaged.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case store's behaviour, run the same against SQLite and PostgreSQL (see the two subclasses).
 * Each test gets an empty store.
 */
abstract class CaseStoreContract {

    /** A new, empty store for one test. */
    abstract StoreLocation emptyStore() throws Exception;

    final SettableClock clock = new SettableClock(MONDAY.plus(Duration.ofHours(1)));
    StoreLocation location;
    CaseStore store;

    @BeforeEach
    void openStore() throws Exception {
        location = emptyStore();
        store = CaseStore.open(location, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void recordAll(List<Finding> findings, Disposition disposition) {
        try (FindingRecorder recorder = store.recorder()) {
            for (Finding finding : findings) {
                recorder.add(finding, disposition == Disposition.ESCALATE ? Triaged.escalate(finding)
                        : Triaged.investigate(finding, Level.MEDIUM));
            }
        }
    }

    @Test
    void readingTheSameInputTwiceStoresEachFindingOnce() {
        List<Finding> findings = List.of(
                Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY),
                Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "198.51.100.7", 4444, MONDAY));
        recordAll(findings, Disposition.ESCALATE);
        recordAll(findings, Disposition.ESCALATE);

        StoreCounts counts = store.counts();
        assertThat(counts.findings()).isEqualTo(2);
        assertThat(counts.findingVersions()).isZero();
        assertThat(counts.cases()).isEqualTo(1);
        CaseSummary only = store.list(CaseFilter.notClosed()).get(0);
        assertThat(only.findings()).isEqualTo(2);
        assertThat(store.timeline(only.id())).extracting(TimelineEntry::kind).containsExactly("opened", "finding_joined");
    }

    @Test
    void theSameFindingTwiceInOneBatchIsStoredOnce() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        recordAll(List.of(finding, finding, finding), Disposition.ESCALATE);

        assertThat(store.counts().findings()).isEqualTo(1);
        assertThat(store.list(CaseFilter.notClosed()).get(0).findings()).isEqualTo(1);
    }

    @Test
    void aNewerVersionUpdatesTheFindingAndKeepsTheEarlierVerdictInItsHistory() {
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding repeat = first.withUpdate(first.updatedAt().plus(Duration.ofHours(2)), 7);
        RecordSummary before = store.record(first, Triaged.investigate(first, Level.MEDIUM));
        RecordSummary after = store.record(repeat, Triaged.escalate(repeat));

        assertThat(before.stored()).isEqualTo(1);
        assertThat(after.updated()).isEqualTo(1);
        StoreCounts counts = store.counts();
        assertThat(counts.findings()).isEqualTo(1);
        assertThat(counts.findingVersions()).isEqualTo(1);
        CaseSummary theCase = store.list(CaseFilter.notClosed()).get(0);
        assertThat(theCase.findings()).isEqualTo(1);
        assertThat(theCase.severity()).isEqualTo(Level.HIGH);
        CaseDetail detail = store.show(theCase.id());
        assertThat(detail.recentFindings().get(0).count()).isEqualTo(7);
        assertThat(detail.verdict().disposition()).isEqualTo(Disposition.ESCALATE);
        assertThat(detail.timeline()).extracting(TimelineEntry::kind).containsExactly("opened", "finding_updated");
    }

    @Test
    void aHigherCountWithTheSameUpdateTimeIsNewerAndAnOlderVersionChangesNothing() {
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding counted = first.withUpdate(first.updatedAt(), 3);
        Finding older = first.withUpdate(first.updatedAt().minus(Duration.ofDays(1)), 9);

        store.record(first, Triaged.investigate(first, Level.MEDIUM));
        assertThat(store.record(counted, Triaged.investigate(counted, Level.MEDIUM)).updated()).isEqualTo(1);
        assertThat(store.record(older, Triaged.escalate(older)).unchanged()).isEqualTo(1);
        assertThat(store.record(counted, Triaged.escalate(counted)).unchanged()).isEqualTo(1);

        assertThat(store.counts().findingVersions()).isEqualTo(1);
        CaseSummary theCase = store.list(CaseFilter.notClosed()).get(0);
        assertThat(theCase.severity()).isEqualTo(Level.MEDIUM);
        assertThat(store.show(theCase.id()).recentFindings().get(0).count()).isEqualTo(3);
    }

    @Test
    void aSuppressedFindingWhoseNewerVersionIsNoLongerSuppressedOpensACase() {
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding repeat = first.withUpdate(first.updatedAt().plus(Duration.ofDays(40)), 2);
        store.record(first, Triaged.suppressed(first, Disposition.ACKNOWLEDGED, "temporary-exception"));
        assertThat(store.counts().cases()).isZero();

        RecordSummary after = store.record(repeat, Triaged.escalate(repeat));

        assertThat(after.updated()).isEqualTo(1);
        assertThat(after.casesOpened()).isEqualTo(1);
        CaseSummary opened = store.list(CaseFilter.notClosed()).get(0);
        assertThat(opened.findings()).isEqualTo(1);
        assertThat(store.show(opened.id()).verdict().disposition()).isEqualTo(Disposition.ESCALATE);
        assertThat(store.metrics(MONDAY.minus(Duration.ofDays(1))).suppressions()).isEmpty();
    }

    @Test
    void findingsWithTheSameCaseKeyJoinOneCaseThatAggregatesThem() {
        Finding early = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding late = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "198.51.100.7", 4444,
                MONDAY.plus(Duration.ofHours(5)));
        Finding elsewhere = Triaged.networkPortUnusual("f-3", PRODUCTION, "i-0aaa", "203.0.113.50", 8088, MONDAY);
        try (FindingRecorder recorder = store.recorder()) {
            recorder.add(early, Triaged.investigate(early, Level.MEDIUM));
            recorder.add(late, Triaged.escalate(late));
            recorder.add(elsewhere, Triaged.investigate(elsewhere, Level.LOW));
        }

        List<CaseSummary> cases = store.list(CaseFilter.notClosed());
        assertThat(cases).hasSize(2);
        CaseSummary joined = cases.get(0);
        assertThat(joined.severity()).isEqualTo(Level.HIGH);
        assertThat(joined.findings()).isEqualTo(2);
        assertThat(joined.firstSeen()).isEqualTo(MONDAY);
        assertThat(joined.lastSeen()).isEqualTo(late.eventLastSeen());
        assertThat(joined.state()).isEqualTo(CaseState.OPEN);
        assertThat(joined.title()).contains("198.51.100.7:4444");
        CaseDetail detail = store.show(joined.id());
        assertThat(detail.resources().get("instance")).containsExactly("i-0aaa", "i-0bbb");
        assertThat(detail.metrics().affectedInstances()).isEqualTo(2);
        assertThat(detail.verdict().findingId()).isEqualTo("f-2");
        assertThat(cases.get(1).severity()).isEqualTo(Level.LOW);
    }

    @Test
    void whatAnotherConnectionStoresDuringAnImportIntoANewStoreIsUpdatedAndJoinedNotStoredTwice() {
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding other = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "203.0.113.50", 8088, MONDAY);
        Finding otherAgain = other.withUpdate(other.updatedAt().plus(Duration.ofHours(2)), 3);
        Finding joining = Triaged.networkPortUnusual("f-3", PRODUCTION, "i-0ccc", "203.0.113.50", 8088,
                MONDAY.plus(Duration.ofHours(1)));
        try (FindingRecorder recorder = store.recorder(1, summary -> { })) {
            recorder.add(first, Triaged.escalate(first));
            recorder.flush();
            // the import began on an empty store; another connection (another import, say) stores meanwhile
            store.record(other, Triaged.escalate(other));
            recorder.add(otherAgain, Triaged.escalate(otherAgain));
            recorder.add(joining, Triaged.escalate(joining));
            assertThat(recorder.flush()).isEqualTo(new RecordSummary(2, 1, 0, 1, 1));
        }

        StoreCounts counts = store.counts();
        assertThat(counts.findings()).isEqualTo(3);
        assertThat(counts.findingVersions()).isEqualTo(1);
        assertThat(counts.cases()).isEqualTo(2);
        CaseSummary joined = store.list(CaseFilter.notClosed()).stream()
                .filter(summary -> summary.title().contains("203.0.113.50")).findFirst().orElseThrow();
        assertThat(joined.findings()).isEqualTo(2);
        assertThat(store.timeline(joined.id())).extracting(TimelineEntry::kind)
                .containsExactly("opened", "finding_updated", "finding_joined");
    }

    @Test
    void suppressedFindingsOpenNoCaseAndAreCountedPerRule() {
        Finding root1 = Triaged.rootCredentialUsage("r-1", PRODUCTION, MONDAY);
        Finding root2 = Triaged.rootCredentialUsage("r-2", DEVELOPMENT, MONDAY.plusSeconds(60));
        Finding knownHost = Triaged.networkPortUnusual("k-1", PRODUCTION, "i-0aaa", "165.227.16.16", 443, MONDAY);
        try (FindingRecorder recorder = store.recorder()) {
            recorder.add(root1, Triaged.suppressed(root1, Disposition.ACKNOWLEDGED, "root-credential-usage-issue-210"));
            recorder.add(root2, Triaged.suppressed(root2, Disposition.ACKNOWLEDGED, "root-credential-usage-issue-210"));
            recorder.add(knownHost, Triaged.suppressed(knownHost, Disposition.FALSE_POSITIVE, "known-host"));
        }

        assertThat(store.counts().cases()).isZero();
        assertThat(store.counts().findings()).isEqualTo(3);
        MetricsReport report = store.metrics(MONDAY.minus(Duration.ofDays(30)));
        assertThat(report.suppressions()).extracting(SuppressionCount::rule, SuppressionCount::hits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("root-credential-usage-issue-210", 2L),
                        org.assertj.core.groups.Tuple.tuple("known-host", 1L));
    }

    @Test
    void aCaseGoesThroughTheLifecycleWithEveryStepOnItsTimeline() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();

        for (CaseState state : List.of(CaseState.INVESTIGATING, CaseState.CONTAINED, CaseState.ERADICATED,
                CaseState.RECOVERED, CaseState.CLOSED)) {
            clock.advance(Duration.ofMinutes(30));
            store.move(id, state, false, "alice", "now " + state.id());
        }

        CaseSummary closed = store.summary(id);
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.resolution()).isEqualTo("resolved");
        assertThat(closed.containedAt()).isEqualTo(MONDAY.plus(Duration.ofMinutes(120)));
        List<TimelineEntry> moves = store.timeline(id).stream().filter(e -> e.kind().equals("moved")).toList();
        assertThat(moves).extracting(TimelineEntry::fromState, TimelineEntry::toState).containsExactly(
                org.assertj.core.groups.Tuple.tuple("open", "investigating"),
                org.assertj.core.groups.Tuple.tuple("investigating", "contained"),
                org.assertj.core.groups.Tuple.tuple("contained", "eradicated"),
                org.assertj.core.groups.Tuple.tuple("eradicated", "recovered"),
                org.assertj.core.groups.Tuple.tuple("recovered", "closed"));
        assertThat(moves).allSatisfy(move -> assertThat(move.actor()).isEqualTo("alice"));
        assertThat(moves.get(1).text()).isEqualTo("moved to contained: now contained");
        assertThat(moves.get(1).at()).isEqualTo(MONDAY.plus(Duration.ofMinutes(120)));
        assertThat(store.show(id).metrics().timeToContainment()).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void anInvalidTransitionIsRejectedNamingTheAllowedOnes() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();

        assertThatThrownBy(() -> store.move(id, CaseState.CONTAINED, false, "alice", null))
                .isInstanceOf(CaseException.class)
                .hasMessage("case C-000001 is open and cannot move to contained; it can move to investigating, "
                        + "or closed as a false positive (--false-positive)");
        assertThat(store.summary(id).state()).isEqualTo(CaseState.OPEN);
        assertThat(store.timeline(id)).extracting(TimelineEntry::kind).containsExactly("opened");
    }

    @Test
    void anyCaseThatIsNotClosedCanBeClosedAsAFalsePositiveAndThenMovesNoMore() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();
        store.move(id, CaseState.INVESTIGATING, false, "alice", null);
        store.move(id, CaseState.CLOSED, true, "bob", "it is the CI runner's GitHub pull");

        CaseSummary closed = store.summary(id);
        assertThat(closed.resolution()).isEqualTo("false_positive");
        assertThatThrownBy(() -> store.move(id, CaseState.INVESTIGATING, false, "alice", null))
                .hasMessageContaining("is closed and cannot move to investigating; it can move to none");
        assertThat(store.list(CaseFilter.notClosed())).isEmpty();
        assertThat(store.list(new CaseFilter(CaseState.CLOSED, false, null, 50))).extracting(CaseSummary::id).containsExactly(id);
    }

    @Test
    void aFindingWhoseCaseIsClosedOpensANewCase() {
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(first, Triaged.escalate(first));
        CaseId firstCase = store.list(CaseFilter.notClosed()).get(0).id();
        store.move(firstCase, CaseState.CLOSED, true, "alice", null);
        Finding again = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0aaa", "198.51.100.7", 4444,
                MONDAY.plus(Duration.ofDays(1)));
        store.record(again, Triaged.escalate(again));

        List<CaseSummary> open = store.list(CaseFilter.notClosed());
        assertThat(open).extracting(c -> c.id().toString()).containsExactly("C-000002");
        assertThat(store.summary(firstCase).findings()).isEqualTo(1);
    }

    @Test
    void theVerdictsChecklistBecomesTheCasesChecklistAndStepsAreCheckedOffWithANote() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();

        ChecklistItem checked = store.check(id, "snapshot-instance", "alice", "snap-0123456789abcdef0");

        assertThat(checked.done()).isTrue();
        assertThat(checked.doneBy()).isEqualTo("alice");
        assertThat(checked.note()).isEqualTo("snap-0123456789abcdef0");
        List<ChecklistItem> checklist = store.show(id).checklist();
        assertThat(checklist).extracting(ChecklistItem::phase).containsExactly("triage", "investigation", "investigation",
                "containment", "containment", "eradication", "recovery", "post-incident");
        assertThat(checklist).filteredOn(ChecklistItem::done).extracting(ChecklistItem::stepId).containsExactly("snapshot-instance");
        assertThat(store.timeline(id)).extracting(TimelineEntry::kind).containsExactly("opened", "step_checked");
        assertThat(store.check(id, "2", "bob", null).stepId()).isEqualTo("analyze-pattern");
    }

    @Test
    void theFirstBigBatchTrainsTheCompressionDictionaryThatLaterImportsReuse() throws Exception {
        List<Finding> first = new java.util.ArrayList<>();
        List<Finding> second = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            (i < 600 ? first : second).add(Triaged.networkPortUnusual("f-" + i, PRODUCTION, "i-0" + (i % 97), "198.51.100." + (i % 50),
                    4000 + i % 7, MONDAY.plusSeconds(i)));
        }
        recordAll(first, Disposition.ESCALATE);
        recordAll(second, Disposition.ESCALATE);

        try (Connection connection = DriverManager.getConnection(location.url(), location.user(), location.password());
             Statement statement = connection.createStatement()) {
            ResultSet dictionaries = statement.executeQuery("SELECT id FROM dictionaries");
            assertThat(dictionaries.next()).isTrue();
            long dictionary = dictionaries.getLong(1);
            assertThat(dictionaries.next()).as("one dictionary for both imports").isFalse();
            ResultSet verdicts = statement.executeQuery("SELECT verdict FROM findings WHERE id IN ('f-0', 'f-1199')");
            while (verdicts.next()) {
                byte[] stored = verdicts.getBytes(1);
                assertThat(com.github.luben.zstd.Zstd.getDictIdFromFrame(stored)).isEqualTo(dictionary);
                assertThat(stored.length).isLessThan(200);
            }
        }
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();
        CaseDetail detail = store.show(id);
        assertThat(detail.verdict().disposition()).isEqualTo(Disposition.ESCALATE);
        assertThat(detail.verdict().findingId()).startsWith("f-");
        assertThat(detail.checklist()).hasSize(8);
    }

    @Test
    void aVersion1StoreIsMigratedWithItsChecklistsAndTheStepsCheckedOff() throws Exception {
        StoreLocation old = emptyStore();
        Flyway.configure().dataSource(old.url(), old.user(), old.password()).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(old.url(), old.user(), old.password());
             Statement statement = connection.createStatement()) {
            for (long number = 1; number <= 2; number++) {
                statement.execute("INSERT INTO cases (number, case_key, open_key, type, title, state, level_rank, max_score, "
                        + "first_finding_id, finding_count, opened_at, updated_at) VALUES (" + number + ", 'key-" + number
                        + "', 'key-" + number + "', 'Behavior:EC2/NetworkPortUnusual', 'case " + number + "', 'open', 3, 8.0, "
                        + "'f-" + number + "', 0, 1000, 1000)");
                statement.execute("INSERT INTO case_steps (case_number, step_id, position, phase, text) VALUES "
                        + "(" + number + ", 'identify-account', 1, 'triage', 'Identify account " + number + "'), "
                        + "(" + number + ", 'snapshot-instance', 3, 'containment', 'Snapshot i-" + number + "'), "
                        + "(" + number + ", 'analyze-pattern', 2, 'investigation', 'Analyze " + number + "')");
            }
            statement.execute("UPDATE case_steps SET done_at = 5000, done_by = 'alice', note = 'snap-1' "
                    + "WHERE case_number = 1 AND step_id = 'snapshot-instance'");
            statement.execute("UPDATE counters SET value = 2 WHERE name = 'case'");
            // schema 1 kept verdicts as zlib streams
            Finding stored = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
            java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
            try (var out = new java.util.zip.DeflaterOutputStream(deflated)) {
                out.write(dev.vigil.finding.Json.mapper().writeValueAsBytes(Triaged.escalate(stored)));
            }
            try (var insert = connection.prepareStatement("INSERT INTO findings (id, type, score, occurrences, disposition, "
                    + "level_rank, case_number, stored_at, verdict) VALUES ('f-1', 'Behavior:EC2/NetworkPortUnusual', 8.0, 1, "
                    + "'escalate', 3, 1, 1000, ?)")) {
                insert.setBytes(1, deflated.toByteArray());
                insert.execute();
            }
        }

        try (CaseStore migrated = CaseStore.open(old, clock)) {
            assertThat(migrated.show(new CaseId(1)).verdict().findingId()).isEqualTo("f-1");
            assertThat(migrated.show(new CaseId(1)).verdict().disposition()).isEqualTo(Disposition.ESCALATE);
            List<ChecklistItem> first = migrated.show(new CaseId(1)).checklist();
            assertThat(first).extracting(ChecklistItem::stepId)
                    .containsExactly("identify-account", "analyze-pattern", "snapshot-instance");
            assertThat(first).extracting(ChecklistItem::position).containsExactly(1, 2, 3);
            assertThat(first).extracting(ChecklistItem::phase).containsExactly("triage", "investigation", "containment");
            assertThat(first).extracting(ChecklistItem::text)
                    .containsExactly("Identify account 1", "Analyze 1", "Snapshot i-1");
            assertThat(first.get(2).doneAt()).isEqualTo(Instant.ofEpochMilli(5000));
            assertThat(first.get(2).doneBy()).isEqualTo("alice");
            assertThat(first.get(2).note()).isEqualTo("snap-1");
            assertThat(first).filteredOn(ChecklistItem::done).hasSize(1);
            assertThat(migrated.show(new CaseId(2)).checklist()).extracting(ChecklistItem::text)
                    .containsExactly("Identify account 2", "Analyze 2", "Snapshot i-2");
            assertThat(migrated.show(new CaseId(2)).checklist()).noneMatch(ChecklistItem::done);

            assertThatThrownBy(() -> migrated.check(new CaseId(1), "snapshot-instance", "bob", null))
                    .isInstanceOf(CaseException.class).hasMessageContaining("already checked off by alice");
            assertThat(migrated.check(new CaseId(2), "3", "bob", "snap-2").stepId()).isEqualTo("snapshot-instance");
            Finding finding = Triaged.networkPortUnusual("f-3", DEVELOPMENT, "i-0aaa", "198.51.100.7", 4444, MONDAY);
            migrated.record(finding, Triaged.escalate(finding));
            assertThat(migrated.show(new CaseId(3)).checklist()).hasSize(8);
        }
    }

    @Test
    void anUnknownStepIsAnErrorThatSuggestsTheClosestOne() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();

        assertThatThrownBy(() -> store.check(id, "snapshot-instanse", "alice", null))
                .isInstanceOf(CaseException.class)
                .hasMessageStartingWith("case C-000001 has no step \"snapshot-instanse\"; did you mean \"snapshot-instance\"?");
    }

    @Test
    void notesAreAddedToTheTimelineWithTheirAuthor() {
        Finding finding = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(finding, Triaged.escalate(finding));
        CaseId id = store.list(CaseFilter.notClosed()).get(0).id();

        store.note(id, "carol", "asked #payments about the traffic");

        TimelineEntry note = store.timeline(id).get(1);
        assertThat(note.kind()).isEqualTo("note");
        assertThat(note.actor()).isEqualTo("carol");
        assertThat(note.text()).isEqualTo("asked #payments about the traffic");
    }

    @Test
    void anUnknownCaseIdIsAnErrorThatSaysWhereToLook() {
        assertThatThrownBy(() -> store.show(new CaseId(42)))
                .isInstanceOf(CaseException.class)
                .hasMessageStartingWith("no case C-000042 in this store; `vigil cases list` shows the cases");
    }

    @Test
    void casesAreListedBySeverityAndFilteredByStateAndSeverity() {
        Finding medium = Triaged.networkPortUnusual("f-1", DEVELOPMENT, "i-0aaa", "198.51.100.7", 22, MONDAY);
        Finding high = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "198.51.100.8", 4444, MONDAY);
        try (FindingRecorder recorder = store.recorder()) {
            recorder.add(medium, Triaged.investigate(medium, Level.MEDIUM));
            recorder.add(high, Triaged.escalate(high));
        }
        CaseId mediumCase = store.list(new CaseFilter(null, false, Level.MEDIUM, 50)).get(0).id();
        store.move(mediumCase, CaseState.INVESTIGATING, false, "alice", null);

        assertThat(store.list(CaseFilter.notClosed())).extracting(CaseSummary::severity).containsExactly(Level.HIGH, Level.MEDIUM);
        assertThat(store.list(new CaseFilter(CaseState.INVESTIGATING, false, null, 50))).extracting(CaseSummary::id)
                .containsExactly(mediumCase);
        assertThat(store.list(new CaseFilter(null, false, Level.LOW, 50))).isEmpty();
    }

    @Test
    void theHistoryRemembersAcrossRunsWhoTalkedToWhichEndpoint() {
        Finding yesterday = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(yesterday, Triaged.investigate(yesterday, Level.MEDIUM));
        store.close();
        store = CaseStore.open(location, clock);

        try (StoreHistory history = store.history()) {
            Instant today = MONDAY.plus(Duration.ofDays(1));
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, today)).isTrue();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", null, today)).isTrue();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 22, today)).isFalse();
            assertThat(history.seenBefore("i-0bbb", "198.51.100.7", 4444, today)).isFalse();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, MONDAY)).isFalse();
            assertThat(history.seenBefore("111122223333", "203.0.113.9", null, today)).isFalse();
        }
    }

    @Test
    void theHistoryKnowsAccountsContactsForFindingsWithoutAnInstance() {
        Finding root = Triaged.rootCredentialUsage("r-1", PRODUCTION, MONDAY);
        store.record(root, Triaged.investigate(root, Level.MEDIUM));

        try (StoreHistory history = store.history()) {
            assertThat(history.seenBefore(PRODUCTION, "203.0.113.9", null, MONDAY.plusSeconds(60))).isTrue();
            assertThat(history.seenBefore(PRODUCTION, "203.0.113.9", 443, MONDAY.plusSeconds(60))).isFalse();
            assertThat(history.instancesWithPattern("Policy:IAMUser/RootCredentialUsage", "203.0.113.9", null, MONDAY,
                    Duration.ofHours(1))).isEmpty();
        }
    }

    @Test
    void theHistoryCountsInstancesWithTheSamePatternWithinTheWindowIncludingTheUncommittedBatch() {
        Finding a = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding b = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "198.51.100.7", 4444, MONDAY.plus(Duration.ofHours(3)));
        Finding longAgo = Triaged.networkPortUnusual("f-3", PRODUCTION, "i-0ccc", "198.51.100.7", 4444, MONDAY.minus(Duration.ofDays(3)));
        store.record(a, Triaged.investigate(a, Level.MEDIUM));
        store.record(longAgo, Triaged.investigate(longAgo, Level.MEDIUM));

        try (FindingRecorder recorder = store.recorder()) {
            StoreHistory history = store.history(recorder);
            recorder.add(b, Triaged.investigate(b, Level.MEDIUM));
            Set<String> instances = history.instancesWithPattern("Behavior:EC2/NetworkPortUnusual", "198.51.100.7", 4444,
                    MONDAY.plus(Duration.ofHours(3)), Duration.ofHours(24));
            assertThat(instances).containsExactlyInAnyOrder("i-0aaa", "i-0bbb");
            assertThat(history.instancesWithPattern("Behavior:EC2/NetworkPortUnusual", "198.51.100.7", 22,
                    MONDAY, Duration.ofHours(24))).isEmpty();
        }
    }

    @Test
    void aPatternAskedAboutBeforeABatchCommitsStillShowsTheBatchAfterwards() {
        String type = "Behavior:EC2/NetworkPortUnusual";
        Finding a = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        store.record(a, Triaged.investigate(a, Level.MEDIUM));
        try (FindingRecorder recorder = store.recorder()) {
            StoreHistory history = recorder.history();
            assertThat(history.instancesWithPattern(type, "198.51.100.7", 4444, MONDAY, Duration.ofHours(24)))
                    .containsExactly("i-0aaa");
            Finding b = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "198.51.100.7", 4444, MONDAY.plusSeconds(60));
            recorder.add(b, Triaged.investigate(b, Level.MEDIUM));
            recorder.flush();

            assertThat(history.instancesWithPattern(type, "198.51.100.7", 4444, MONDAY, Duration.ofHours(24)))
                    .containsExactlyInAnyOrder("i-0aaa", "i-0bbb");
            assertThat(history.instancesWithPattern(type, "198.51.100.7", null, MONDAY, Duration.ofHours(24)))
                    .containsExactlyInAnyOrder("i-0aaa", "i-0bbb");
        }
    }

    @Test
    void whatAnotherConnectionStoresDuringAFirstImportReachesItsHistoryByItsNextBatch() {
        String type = "Behavior:EC2/NetworkPortUnusual";
        Finding first = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        Finding other = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0bbb", "203.0.113.50", 8088, MONDAY);
        Finding next = Triaged.networkPortUnusual("f-3", PRODUCTION, "i-0ccc", "192.0.2.10", 443, MONDAY);
        Instant later = MONDAY.plus(Duration.ofHours(1));
        try (FindingRecorder recorder = store.recorder(1, summary -> { })) {
            StoreHistory history = recorder.history();
            recorder.add(first, Triaged.escalate(first));
            recorder.flush();
            assertThat(history.seenBefore("i-0bbb", "203.0.113.50", 8088, later)).isFalse();

            // the import began on an empty store; another connection (another import, say) stores meanwhile
            store.record(other, Triaged.escalate(other));
            recorder.add(next, Triaged.escalate(next));
            recorder.flush();

            assertThat(history.seenBefore("i-0bbb", "203.0.113.50", 8088, later)).isTrue();
            assertThat(history.seenBefore("i-0bbb", "203.0.113.50", null, later)).isTrue();
            assertThat(history.instancesWithPattern(type, "203.0.113.50", 8088, MONDAY, Duration.ofHours(24)))
                    .containsExactly("i-0bbb");
        }
    }

    @Test
    void findingsTheHistoryWasToldAboutCountBeforeTheyAreStored() {
        Finding earlier = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY);
        try (FindingRecorder recorder = store.recorder()) {
            StoreHistory history = store.history(recorder);
            history.record(earlier);
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, MONDAY.plusSeconds(3600))).isTrue();
        }
    }

    @Test
    void anyPortIsAnsweredOverThePortsOfTheContactsAndPatterns() throws Exception {
        String type = "Behavior:EC2/NetworkPortUnusual";
        Finding early = Triaged.networkPortUnusual("f-1", PRODUCTION, "i-0aaa", "198.51.100.7", 22, MONDAY);
        Finding late = Triaged.networkPortUnusual("f-2", PRODUCTION, "i-0aaa", "198.51.100.7", 4444, MONDAY.plus(Duration.ofDays(2)));
        Finding other = Triaged.networkPortUnusual("f-3", PRODUCTION, "i-0bbb", "198.51.100.7", 4444, MONDAY.plus(Duration.ofDays(2)));
        recordAll(List.of(early, late, other), Disposition.ESCALATE);

        try (StoreHistory history = store.history()) {
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", null, MONDAY.plusSeconds(1))).isTrue();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, MONDAY.plusSeconds(1))).isFalse();
            assertThat(history.seenBefore("i-0bbb", "198.51.100.7", null, MONDAY.plusSeconds(1))).isFalse();
            assertThat(history.seenBefore("i-0ccc", "198.51.100.7", null, MONDAY.plus(Duration.ofDays(9)))).isFalse();
            assertThat(history.instancesWithPattern(type, "198.51.100.7", null, MONDAY, Duration.ofHours(1)))
                    .containsExactly("i-0aaa");
            assertThat(history.instancesWithPattern(type, "198.51.100.7", null, MONDAY.plus(Duration.ofDays(2)),
                    Duration.ofHours(1))).containsExactlyInAnyOrder("i-0aaa", "i-0bbb");
            assertThat(history.instancesWithPattern(type, "198.51.100.7", 4444, MONDAY, Duration.ofHours(1))).isEmpty();
        }
        assertThat(rows("SELECT count(*) FROM contacts WHERE remote_port = -1")).as("no row for any port").isZero();
        assertThat(rows("SELECT count(*) FROM pattern_instances WHERE remote_port = -1")).as("no row for any port").isZero();
    }

    @Test
    void aVersion2StoreIsMigratedAndItsHistoryAnswersAsBefore() throws Exception {
        String type = "Behavior:EC2/NetworkPortUnusual";
        StoreLocation old = emptyStore();
        Flyway.configure().dataSource(old.url(), old.user(), old.password()).locations("classpath:db/migration")
                .javaMigrations(new dev.vigil.cases.jdbi.V2__Compact_case_store()).target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(old.url(), old.user(), old.password());
             Statement statement = connection.createStatement()) {
            // as schema 2 kept them: a row per port and one for any port (-1) with the earliest / latest over the ports
            statement.execute("INSERT INTO contacts (subject, remote_ip, remote_port, first_seen) VALUES "
                    + "('i-0aaa', '198.51.100.7', 22, 500), ('i-0aaa', '198.51.100.7', 4444, 1000), "
                    + "('i-0aaa', '198.51.100.7', -1, 500)");
            statement.execute("INSERT INTO pattern_instances (type, remote_ip, remote_port, instance_id, first_seen, last_seen) "
                    + "VALUES ('" + type + "', '198.51.100.7', 22, 'i-0aaa', 500, 800), "
                    + "('" + type + "', '198.51.100.7', 4444, 'i-0aaa', 1000, 2000), "
                    + "('" + type + "', '198.51.100.7', -1, 'i-0aaa', 500, 2000), "
                    + "('" + type + "', '198.51.100.7', 4444, 'i-0bbb', 1500, 1600), "
                    + "('" + type + "', '198.51.100.7', -1, 'i-0bbb', 1500, 1600)");
            // a case as schema 2 kept it (SQLite: its tables are rebuilt keyed on the rowid / clustered on the key)
            statement.execute("INSERT INTO cases (number, case_key, open_key, type, account_id, title, state, level_rank, "
                    + "max_score, first_finding_id, finding_count, first_seen, last_seen, detected_at, opened_at, updated_at) "
                    + "VALUES (7, 'k-7', 'k-7', '" + type + "', '111122223333', 'unusual port', 'open', 3, 8.0, 'f-7', 2, "
                    + "500, 2000, 600, 700, 800)");
            statement.execute("INSERT INTO case_resources (case_number, kind, resource) VALUES (7, 'instance', 'i-0aaa'), "
                    + "(7, 'instance', 'i-0bbb')");
            statement.execute("INSERT INTO timeline (id, case_number, at, actor, kind, to_state, finding_id, text) "
                    + "VALUES (3, 7, 700, 'vigil', 'opened', 'open', 'f-7', 'opened by f-7')");
            statement.execute("INSERT INTO case_checklists (case_number, steps) VALUES (7, X'00')".replace("X'00'",
                    old.url().startsWith("jdbc:postgresql") ? "'\\x00'::bytea" : "X'00'"));
            statement.execute("UPDATE counters SET value = 7 WHERE name = 'case'");
            statement.execute("UPDATE counters SET value = 3 WHERE name = 'event'");
        }

        try (CaseStore migrated = CaseStore.open(old, clock); StoreHistory history = migrated.history()) {
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", null, Instant.ofEpochMilli(501))).isTrue();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", null, Instant.ofEpochMilli(500))).isFalse();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, Instant.ofEpochMilli(1001))).isTrue();
            assertThat(history.seenBefore("i-0aaa", "198.51.100.7", 4444, Instant.ofEpochMilli(600))).isFalse();
            assertThat(history.instancesWithPattern(type, "198.51.100.7", null, Instant.ofEpochMilli(700),
                    Duration.ofMillis(100))).containsExactly("i-0aaa");
            assertThat(history.instancesWithPattern(type, "198.51.100.7", 4444, Instant.ofEpochMilli(700),
                    Duration.ofMillis(100))).isEmpty();
            assertThat(history.instancesWithPattern(type, "198.51.100.7", null, Instant.ofEpochMilli(1550),
                    Duration.ofMillis(10))).containsExactlyInAnyOrder("i-0aaa", "i-0bbb");
        }
        try (Connection connection = DriverManager.getConnection(old.url(), old.user(), old.password());
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM contacts), "
                     + "(SELECT count(*) FROM pattern_instances)")) {
            counts.next();
            assertThat(counts.getLong(1)).as("the contacts without the rows for any port").isEqualTo(2);
            assertThat(counts.getLong(2)).as("the pattern instances without the rows for any port").isEqualTo(3);
        }
        try (CaseStore migrated = CaseStore.open(old, clock)) {
            CaseSummary kept = migrated.summary(new CaseId(7));
            assertThat(kept.title()).isEqualTo("unusual port");
            assertThat(kept.findings()).isEqualTo(2);
            assertThat(kept.firstSeen()).isEqualTo(Instant.ofEpochMilli(500));
            assertThat(kept.lastSeen()).isEqualTo(Instant.ofEpochMilli(2000));
            assertThat(migrated.list(new CaseFilter(null, true, null, 10))).extracting(CaseSummary::id)
                    .containsExactly(new CaseId(7));
            assertThat(migrated.timeline(new CaseId(7))).extracting(TimelineEntry::text).containsExactly("opened by f-7");
            // numbering goes on after the migrated rows
            Finding finding = Triaged.networkPortUnusual("f-8", PRODUCTION, "i-0ccc", "203.0.113.9", 22, MONDAY);
            migrated.record(finding, Triaged.escalate(finding));
            assertThat(migrated.list(new CaseFilter(null, true, null, 10))).extracting(CaseSummary::id)
                    .contains(new CaseId(7), new CaseId(8));
            assertThat(migrated.timeline(new CaseId(8))).hasSize(1);
            assertThat(migrated.show(new CaseId(8)).resources().get("instance")).containsExactly("i-0ccc");
        }
        try (Connection connection = DriverManager.getConnection(old.url(), old.user(), old.password());
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM case_resources WHERE case_number = 7), "
                     + "(SELECT count(*) FROM case_checklists), (SELECT max(id) FROM timeline)")) {
            counts.next();
            assertThat(counts.getLong(1)).isEqualTo(2);
            assertThat(counts.getLong(2)).isEqualTo(2);
            assertThat(counts.getLong(3)).isEqualTo(4);
        }
    }

    private long rows(String countQuery) throws java.sql.SQLException {
        try (Connection connection = DriverManager.getConnection(location.url(), location.user(), location.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(countQuery)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
