package dev.vigil.cli;

import dev.vigil.cases.CaseStore;
import dev.vigil.cases.FindingRecorder;
import dev.vigil.finding.Finding;
import dev.vigil.intel.History;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;

/**
 * Where one {@code vigil triage} run keeps what it decided: the case store (findings, verdicts, cases; the history from
 * the store) or, with {@code --no-store}, nothing but an in-memory history. Close it to commit the last batch.
 */
public final class TriageStorage implements AutoCloseable {

    private final CaseStore store;
    private final FindingRecorder recorder;
    private final History history;

    private TriageStorage(CaseStore store, FindingRecorder recorder, History history) {
        this.store = store;
        this.recorder = recorder;
        this.history = history;
    }

    static TriageStorage inMemory() {
        return new TriageStorage(null, null, new InMemoryHistory());
    }

    static TriageStorage stored(CaseStore store) {
        FindingRecorder recorder = store.recorder();
        return new TriageStorage(store, recorder, recorder.history());
    }

    /** Whether this run stores (false with --no-store). */
    public boolean stores() {
        return recorder != null;
    }

    /** The history for {@code VigilConfig.intel(history)}: the store's plus this run's, or this run's only. */
    public History history() {
        return history;
    }

    /** Stores a triaged finding (batched; committed every 1000 and on close). Nothing with --no-store. */
    public void record(Finding finding, Verdict verdict) {
        if (recorder != null) {
            recorder.add(finding, verdict);
        }
    }

    /** Commits what is left and prints {@code stored N, updated N, unchanged N, cases opened N in STORE} (stored runs only). */
    public void finish(PrintWriter err) {
        if (recorder != null) {
            recorder.flush();
            err.println(recorder.committed().line() + " in " + store.location().display()
                    + "; see them with `vigil cases list`");
        } else if (history instanceof InMemoryHistory memory && memory.saturated()) {
            err.println("vigil: the in-memory history reached its bound; later \"seen before\" answers may miss findings");
        }
    }

    @Override
    public void close() {
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
