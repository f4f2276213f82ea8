package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.finding.JsonBytes;
import dev.vigil.triage.Verdict;
import dev.vigil.triage.VerdictJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Verdicts as JSON: {@code ndjson} one object per line, {@code json} one array. The object has findingId, type,
 * accountId, disposition, severity, playbook, playbookVersion, rules, questions (id, answer, evidence), facts,
 * nextSteps, caseKey, decidedBy; with {@code --explain} also each question's text and the checklist (every step of the
 * playbook by phase). Written by hand ({@link VerdictJson}) as Jackson would write the records, in batches of about
 * {@value #FLUSH_AT} bytes: as UTF-8 bytes straight to standard output, else (a test's writer) as text.
 */
final class JsonVerdictWriter implements VerdictWriter {

    private static final int FLUSH_AT = 8192;

    private final PrintWriter out;
    private final OutputStream bytes;
    private final VerdictJson json;
    private final boolean array;
    private final JsonBytes buffer = new JsonBytes();
    private boolean first = true;

    JsonVerdictWriter(PrintWriter out, boolean explain, boolean array) {
        this.out = out;
        this.bytes = Stdout.bytesOf(out).orElse(null);
        this.json = explain ? VerdictJson.FULL : VerdictJson.BRIEF;
        this.array = array;
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        if (array) {
            buffer.raw(first ? "[\n" : ",\n");
        }
        json.write(verdict, buffer);
        if (!array) {
            buffer.raw('\n');
        }
        first = false;
        if (buffer.length() >= FLUSH_AT) {
            drain();
        }
    }

    /** Closes the array (prints {@code []} when there was nothing) and flushes. */
    @Override
    public void finish() {
        if (array) {
            buffer.raw(first ? "[]\n" : "\n]\n");
        }
        drain();
        try {
            if (bytes != null) {
                bytes.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private void drain() {
        try {
            if (bytes != null) {
                buffer.writeTo(bytes);
            } else {
                out.write(buffer.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }
}
