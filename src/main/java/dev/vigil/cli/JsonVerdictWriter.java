package dev.vigil.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.triage.Answer;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Verdicts as JSON: {@code ndjson} one object per line, {@code json} one array. The object has findingId, type,
 * accountId, disposition, severity, playbook, playbookVersion, decidedBy, rules, questions (id, answer, evidence),
 * facts, nextSteps, caseKey; with {@code --explain} also each question's text and the checklist (every step of the
 * playbook by phase).
 */
final class JsonVerdictWriter implements VerdictWriter {

    @JsonIgnoreProperties({"checklist"})
    private abstract static class WithoutChecklist {
    }

    @JsonIgnoreProperties({"question"})
    private abstract static class AnswerWithoutText {
    }

    private static final ObjectWriter BRIEF = Json.mapper().copy().addMixIn(Verdict.class, WithoutChecklist.class)
            .addMixIn(Answer.class, AnswerWithoutText.class).writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final ObjectWriter FULL = Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final PrintWriter out;
    private final ObjectWriter writer;
    private final JsonGenerator generator;
    private final boolean array;
    private boolean first = true;

    JsonVerdictWriter(PrintWriter out, boolean explain, boolean array) {
        this.out = out;
        this.writer = explain ? FULL : BRIEF;
        this.array = array;
        try {
            this.generator = Json.mapper().getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        try {
            if (array) {
                generator.writeRaw(first ? "[\n" : ",\n");
            }
            writer.writeValue(generator, verdict);
            if (!array) {
                generator.writeRaw('\n');
            }
            first = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            if (array) {
                generator.writeRaw(first ? "[]\n" : "\n]\n");
            }
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
