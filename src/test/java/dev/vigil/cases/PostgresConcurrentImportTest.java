package dev.vigil.cases;

import static dev.vigil.cases.Triaged.MONDAY;
import static dev.vigil.cases.Triaged.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two imports into one PostgreSQL store at the same time, opening the same cases. */
class PostgresConcurrentImportTest {

    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Test
    void twoImportsAtOnceOpenEachCaseOnceAndStoreEveryFinding() throws Exception {
        StoreLocation location = POSTGRES.newDatabase("concurrent");
        CaseStore.open(location).close(); // the schema, before the two race to create it
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<RecordSummary> first = CompletableFuture.supplyAsync(() -> importInto(location, "a", start));
        CompletableFuture<RecordSummary> second = CompletableFuture.supplyAsync(() -> importInto(location, "b", start));
        start.countDown();

        assertThat(first.get().stored() + second.get().stored()).isEqualTo(2 * FINDINGS);
        try (CaseStore store = CaseStore.open(location)) {
            StoreCounts counts = store.counts();
            assertThat(counts.findings()).isEqualTo(2 * FINDINGS);
            assertThat(counts.cases()).as("one case per remote endpoint, whichever import opened it").isEqualTo(ENDPOINTS);
        }
    }

    private static final int FINDINGS = 3000;
    private static final int ENDPOINTS = 40;

    /** FINDINGS findings named {@code prefix-N}, spread over the same ENDPOINTS remote endpoints as the other import. */
    private static RecordSummary importInto(StoreLocation location, String prefix, CountDownLatch start) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < FINDINGS; i++) {
            findings.add(Triaged.networkPortUnusual(prefix + "-" + i, PRODUCTION, "i-0" + prefix + (i % 7),
                    "198.51.100." + (i % ENDPOINTS), 4444, MONDAY.plusSeconds(i)));
        }
        try (CaseStore store = CaseStore.open(location)) {
            start.await();
            try (FindingRecorder recorder = store.recorder(100, summary -> { })) {
                for (Finding finding : findings) {
                    recorder.add(finding, Triaged.investigate(finding, Level.MEDIUM));
                }
                return recorder.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
