package dev.vigil.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.triage.Answer;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;

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
            .addMixIn(Answer.class, AnswerWithoutText.class).writer();
    private static final ObjectWriter FULL = Json.mapper().writer();

    private final JsonStream stream;

    JsonVerdictWriter(PrintWriter out, boolean explain, boolean array) {
        this.stream = new JsonStream(out, explain ? FULL : BRIEF, array);
    }

    @Override
    public void write(Finding finding, Verdict verdict) {
        stream.write(verdict);
    }

    @Override
    public void finish() {
        stream.finish();
    }
}
