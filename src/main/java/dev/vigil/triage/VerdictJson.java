package dev.vigil.triage;

import dev.vigil.finding.JsonBytes;
import java.time.Instant;

/**
 * A verdict's JSON, written by hand ({@link JsonBytes}) byte for byte as {@code Json.mapper()} writes the record: the
 * members in the order of the record's components, then {@code decidedBy}, nulls left out. {@link #BRIEF} leaves out
 * the checklist and each question's text (the CLI's output without {@code --explain}); {@link #FULL} has both (with
 * {@code --explain}, and the store's copy, whose checklist is empty).
 */
public final class VerdictJson {

    public static final VerdictJson BRIEF = new VerdictJson(false);
    public static final VerdictJson FULL = new VerdictJson(true);

    private final boolean full;

    private VerdictJson(boolean full) {
        this.full = full;
    }

    public void write(Verdict verdict, JsonBytes out) {
        out.open('{')
                .field("findingId", verdict.findingId())
                .field("type", verdict.type())
                .field("accountId", verdict.accountId());
        if (verdict.disposition() != null) {
            out.field("disposition", verdict.disposition().id());
        }
        if (verdict.severity() != null) {
            out.field("severity", verdict.severity().id());
        }
        out.field("playbook", verdict.playbook()).field("playbookVersion", verdict.playbookVersion());
        out.name("rules").open('[');
        for (RuleHit hit : verdict.rules()) {
            out.element().open('{').field("id", hit.id()).field("effect", hit.effect()).field("summary", hit.summary());
            out.name("evidence").value(hit.evidence());
            out.close('}');
        }
        out.close(']');
        out.name("questions").open('[');
        for (Answer answer : verdict.questions()) {
            out.element().open('{').field("id", answer.id());
            if (full) {
                out.field("question", answer.question());
            }
            out.field("answer", answer.answer()).field("evidence", answer.evidence()).close('}');
        }
        out.close(']');
        if (verdict.facts() != null) {
            facts(verdict.facts(), out.name("facts"));
        }
        out.name("nextSteps").open('[');
        for (String step : verdict.nextSteps()) {
            out.element();
            if (step == null) {
                out.raw("null");
            } else {
                out.string(step);
            }
        }
        out.close(']');
        if (full) {
            out.name("checklist").open('[');
            for (Step step : verdict.checklist()) {
                out.element().open('{').field("id", step.id()).field("phase", step.phase()).field("text", step.text())
                        .close('}');
            }
            out.close(']');
        }
        out.field("caseKey", verdict.caseKey()).field("decidedBy", verdict.decidedBy()).close('}');
    }

    private static void facts(Facts facts, JsonBytes out) {
        out.open('{')
                .field("accountId", facts.accountId())
                .field("accountName", facts.accountName())
                .field("environment", facts.environment())
                .field("owner", facts.owner())
                .field("contact", facts.contact())
                .field("channel", facts.channel())
                .field("destinationIp", facts.destinationIp());
        if (facts.destinationPort() != null) {
            out.name("destinationPort").number(facts.destinationPort());
        }
        out.field("destinationOrganization", facts.destinationOrganization())
                .field("instanceId", facts.instanceId());
        instant(out, "firstSeen", facts.firstSeen());
        instant(out, "lastSeen", facts.lastSeen());
        out.field("direction", facts.direction()).close('}');
    }

    private static void instant(JsonBytes out, String name, Instant value) {
        if (value != null) {
            out.name(name).value(value);
        }
    }
}
