package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Verdict;

/** Writes verdicts one by one in one of the {@link VerdictFormat}s. */
interface VerdictWriter {

    void write(Finding finding, Verdict verdict);

    /** Ends the output (closes a JSON array, flushes). */
    void finish();
}
