package dev.vigil.triage;

import dev.vigil.finding.JsonBytes;
import java.time.Instant;

/**
 * A verdict's JSON, written by hand ({@link JsonBytes}) byte for byte as {@code Json.mapper()} writes the record: the
 * members in the order of the record's components, then {@code decidedBy}, nulls left out. {@link #BRIEF} leaves out
 * the checklist and each question's text (the CLI's output without {@code --explain}); {@link #FULL} has both (with
 * {@code --explain}, and the store's copy, whose checklist is empty). Names and enum values are encoded once; values
 * that come from the playbooks and the account directory (the same String objects verdict after verdict) are written
 * as {@link JsonBytes#recurring recurring}; values made for each finding are encoded each time.
 */
public final class VerdictJson {

    public static final VerdictJson BRIEF = new VerdictJson(false);
    public static final VerdictJson FULL = new VerdictJson(true);

    private static final byte[] FINDING_ID = JsonBytes.encodedName("findingId");
    private static final byte[] TYPE = JsonBytes.encodedName("type");
    private static final byte[] ACCOUNT_ID = JsonBytes.encodedName("accountId");
    private static final byte[] DISPOSITION = JsonBytes.encodedName("disposition");
    private static final byte[] SEVERITY = JsonBytes.encodedName("severity");
    private static final byte[] PLAYBOOK = JsonBytes.encodedName("playbook");
    private static final byte[] PLAYBOOK_VERSION = JsonBytes.encodedName("playbookVersion");
    private static final byte[] RULES = JsonBytes.encodedName("rules");
    private static final byte[] ID = JsonBytes.encodedName("id");
    private static final byte[] EFFECT = JsonBytes.encodedName("effect");
    private static final byte[] SUMMARY = JsonBytes.encodedName("summary");
    private static final byte[] EVIDENCE = JsonBytes.encodedName("evidence");
    private static final byte[] QUESTIONS = JsonBytes.encodedName("questions");
    private static final byte[] QUESTION = JsonBytes.encodedName("question");
    private static final byte[] ANSWER = JsonBytes.encodedName("answer");
    private static final byte[] FACTS = JsonBytes.encodedName("facts");
    private static final byte[] NEXT_STEPS = JsonBytes.encodedName("nextSteps");
    private static final byte[] CHECKLIST = JsonBytes.encodedName("checklist");
    private static final byte[] PHASE = JsonBytes.encodedName("phase");
    private static final byte[] TEXT = JsonBytes.encodedName("text");
    private static final byte[] CASE_KEY = JsonBytes.encodedName("caseKey");
    private static final byte[] DECIDED_BY = JsonBytes.encodedName("decidedBy");
    private static final byte[] ACCOUNT_NAME = JsonBytes.encodedName("accountName");
    private static final byte[] ENVIRONMENT = JsonBytes.encodedName("environment");
    private static final byte[] OWNER = JsonBytes.encodedName("owner");
    private static final byte[] CONTACT = JsonBytes.encodedName("contact");
    private static final byte[] CHANNEL = JsonBytes.encodedName("channel");
    private static final byte[] DESTINATION_IP = JsonBytes.encodedName("destinationIp");
    private static final byte[] DESTINATION_PORT = JsonBytes.encodedName("destinationPort");
    private static final byte[] DESTINATION_ORGANIZATION = JsonBytes.encodedName("destinationOrganization");
    private static final byte[] INSTANCE_ID = JsonBytes.encodedName("instanceId");
    private static final byte[] FIRST_SEEN = JsonBytes.encodedName("firstSeen");
    private static final byte[] LAST_SEEN = JsonBytes.encodedName("lastSeen");
    private static final byte[] DIRECTION = JsonBytes.encodedName("direction");

    private static final byte[][] DISPOSITIONS = encoded(Disposition.values());
    private static final byte[][] LEVELS = encoded(Level.values());

    private final boolean full;

    private VerdictJson(boolean full) {
        this.full = full;
    }

    private static byte[][] encoded(Enum<?>[] constants) {
        byte[][] encoded = new byte[constants.length][];
        for (Enum<?> constant : constants) {
            String id = constant instanceof Disposition disposition ? disposition.id() : ((Level) constant).id();
            encoded[constant.ordinal()] = JsonBytes.encodedString(id);
        }
        return encoded;
    }

    public void write(Verdict verdict, JsonBytes out) {
        out.open('{')
                .field(FINDING_ID, verdict.findingId())
                .field(TYPE, verdict.type())
                .field(ACCOUNT_ID, verdict.accountId());
        if (verdict.disposition() != null) {
            out.name(DISPOSITION).raw(DISPOSITIONS[verdict.disposition().ordinal()]);
        }
        if (verdict.severity() != null) {
            out.name(SEVERITY).raw(LEVELS[verdict.severity().ordinal()]);
        }
        out.recurringField(PLAYBOOK, verdict.playbook()).recurringField(PLAYBOOK_VERSION, verdict.playbookVersion());
        out.name(RULES).open('[');
        for (RuleHit hit : verdict.rules()) {
            out.element().open('{').recurringField(ID, hit.id()).recurringField(EFFECT, hit.effect())
                    .field(SUMMARY, hit.summary());
            out.name(EVIDENCE).value(hit.evidence());
            out.close('}');
        }
        out.close(']');
        out.name(QUESTIONS).open('[');
        for (Answer answer : verdict.questions()) {
            out.element().open('{').recurringField(ID, answer.id());
            if (full) {
                out.recurringField(QUESTION, answer.question());
            }
            out.recurringField(ANSWER, answer.answer()).field(EVIDENCE, answer.evidence()).close('}');
        }
        out.close(']');
        if (verdict.facts() != null) {
            facts(verdict.facts(), out.name(FACTS));
        }
        out.name(NEXT_STEPS).open('[');
        for (String step : verdict.nextSteps()) {
            out.element().string(step);
        }
        out.close(']');
        if (full) {
            out.name(CHECKLIST).open('[');
            for (Step step : verdict.checklist()) {
                out.element().open('{').recurringField(ID, step.id()).recurringField(PHASE, step.phase())
                        .recurringField(TEXT, step.text()).close('}');
            }
            out.close(']');
        }
        out.field(CASE_KEY, verdict.caseKey()).recurringField(DECIDED_BY, verdict.decidedBy()).close('}');
    }

    private static void facts(Facts facts, JsonBytes out) {
        out.open('{')
                .field(ACCOUNT_ID, facts.accountId())
                .recurringField(ACCOUNT_NAME, facts.accountName())
                .recurringField(ENVIRONMENT, facts.environment())
                .recurringField(OWNER, facts.owner())
                .recurringField(CONTACT, facts.contact())
                .recurringField(CHANNEL, facts.channel())
                .field(DESTINATION_IP, facts.destinationIp());
        if (facts.destinationPort() != null) {
            out.name(DESTINATION_PORT).number(facts.destinationPort());
        }
        out.field(DESTINATION_ORGANIZATION, facts.destinationOrganization())
                .field(INSTANCE_ID, facts.instanceId());
        instant(out, FIRST_SEEN, facts.firstSeen());
        instant(out, LAST_SEEN, facts.lastSeen());
        out.recurringField(DIRECTION, facts.direction()).close('}');
    }

    private static void instant(JsonBytes out, byte[] name, Instant value) {
        if (value != null) {
            out.name(name).value(value);
        }
    }
}
