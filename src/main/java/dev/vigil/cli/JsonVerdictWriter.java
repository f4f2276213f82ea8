package dev.vigil.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Verdicts as JSON: {@code ndjson} one object per line, {@code json} one array. The object has findingId, type,
 * accountId, disposition, severity, playbook, playbookVersion, rules, questions, facts, nextSteps, caseKey; with
 * {@code --explain} also the checklist (every step of the playbook by phase).
 */
final class JsonVerdictWriter implements VerdictWriter {

    @JsonIgnoreProperties({"checklist"})
    private abstract static class WithoutChecklist {
    }

    private static final ObjectWriter BRIEF = Json.mapper().copy().addMixIn(Verdict.class, WithoutChecklist.class).writer();
    private static final ObjectWriter FULL = Json.mapper().writer();

    private final PrintWriter out;
    private final ObjectWriter writer;
    private final boolean array;
    private boolean first = true;

    JsonVerdictWriter(PrintWriter out, boolean explain, boolean array) {
        this.out = out;
        this.writer = explain ? FULL : BRIEF;
        this.array = array;
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        try {
            String json = writer.writeValueAsString(verdict);
            if (array) {
                out.print(first ? "[\n" : ",\n");
                out.print(json);
            } else {
                out.println(json);
            }
            first = false;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        if (array) {
            out.println(first ? "[]" : "\n]");
        }
        out.flush();
    }
}
