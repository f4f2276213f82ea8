package dev.vigil.cases.jdbi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.triage.Answer;
import dev.vigil.triage.Disposition;
import dev.vigil.triage.Facts;
import dev.vigil.triage.Level;
import dev.vigil.triage.RuleHit;
import dev.vigil.triage.Step;
import dev.vigil.triage.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the stored JSON of verdicts and checklists with Jackson's streaming parser. {@code vigil cases show} reads one
 * of each; with the ObjectMapper, setting up its deserializers for these records (annotations, constructors, the time
 * module) took ~40 ms of the command's start, more than the rest of its reading. The JSON is what
 * {@link dev.vigil.finding.Json#mapper()} writes, and is read into the same values (untyped evidence as Jackson maps it:
 * Integer, Long or BigInteger by size, Double, String, Boolean, ArrayList, LinkedHashMap); properties it does not know
 * are skipped, as the mapper does. {@code VerdictJsonTest} checks both readers agree on every verdict of the examples.
 */
final class VerdictJsonReader {
    private VerdictJsonReader() {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    static Verdict verdict(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            return verdict(parser);
        }
    }

    static List<Step> steps(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            return list(parser, VerdictJsonReader::step);
        }
    }

    /** Reads one value at the parser's current token. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    private static Verdict verdict(JsonParser parser) throws IOException {
        expectObject(parser, "a verdict");
        String findingId = null;
        String type = null;
        String accountId = null;
        Disposition disposition = null;
        Level severity = null;
        String playbook = null;
        String playbookVersion = null;
        List<RuleHit> rules = List.of();
        List<Answer> questions = List.of();
        Facts facts = null;
        List<String> nextSteps = List.of();
        List<Step> checklist = List.of();
        String caseKey = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "findingId" -> findingId = parser.getValueAsString();
                case "type" -> type = parser.getValueAsString();
                case "accountId" -> accountId = parser.getValueAsString();
                case "disposition" -> disposition = disposition(parser.getValueAsString());
                case "severity" -> severity = level(parser.getValueAsString());
                case "playbook" -> playbook = parser.getValueAsString();
                case "playbookVersion" -> playbookVersion = parser.getValueAsString();
                case "rules" -> rules = list(parser, VerdictJsonReader::ruleHit);
                case "questions" -> questions = list(parser, VerdictJsonReader::answer);
                case "facts" -> facts = parser.currentToken() == JsonToken.VALUE_NULL ? null : facts(parser);
                case "nextSteps" -> nextSteps = list(parser, JsonParser::getValueAsString);
                case "checklist" -> checklist = list(parser, VerdictJsonReader::step);
                case "caseKey" -> caseKey = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        return new Verdict(findingId, type, accountId, disposition, severity, playbook, playbookVersion, rules, questions,
                facts, nextSteps, checklist, caseKey);
    }

    private static RuleHit ruleHit(JsonParser parser) throws IOException {
        expectObject(parser, "a rule");
        String id = null;
        String effect = null;
        String summary = null;
        Map<String, Object> evidence = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getValueAsString();
                case "effect" -> effect = parser.getValueAsString();
                case "summary" -> summary = parser.getValueAsString();
                case "evidence" -> evidence = parser.currentToken() == JsonToken.VALUE_NULL ? null : object(parser);
                default -> parser.skipChildren();
            }
        }
        return new RuleHit(id, effect, summary, evidence);
    }

    private static Answer answer(JsonParser parser) throws IOException {
        expectObject(parser, "an answer");
        String id = null;
        String question = null;
        String answer = null;
        String evidence = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getValueAsString();
                case "question" -> question = parser.getValueAsString();
                case "answer" -> answer = parser.getValueAsString();
                case "evidence" -> evidence = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        return new Answer(id, question, answer, evidence);
    }

    private static Step step(JsonParser parser) throws IOException {
        expectObject(parser, "a step");
        String id = null;
        String phase = null;
        String text = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getValueAsString();
                case "phase" -> phase = parser.getValueAsString();
                case "text" -> text = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        return new Step(id, phase, text);
    }

    private static Facts facts(JsonParser parser) throws IOException {
        expectObject(parser, "the facts");
        String accountId = null;
        String accountName = null;
        String environment = null;
        String owner = null;
        String contact = null;
        String channel = null;
        String destinationIp = null;
        Integer destinationPort = null;
        String destinationOrganization = null;
        String instanceId = null;
        Instant firstSeen = null;
        Instant lastSeen = null;
        String direction = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "accountId" -> accountId = parser.getValueAsString();
                case "accountName" -> accountName = parser.getValueAsString();
                case "environment" -> environment = parser.getValueAsString();
                case "owner" -> owner = parser.getValueAsString();
                case "contact" -> contact = parser.getValueAsString();
                case "channel" -> channel = parser.getValueAsString();
                case "destinationIp" -> destinationIp = parser.getValueAsString();
                case "destinationPort" -> destinationPort = parser.currentToken() == JsonToken.VALUE_NULL ? null
                        : parser.getValueAsInt();
                case "destinationOrganization" -> destinationOrganization = parser.getValueAsString();
                case "instanceId" -> instanceId = parser.getValueAsString();
                case "firstSeen" -> firstSeen = instant(parser);
                case "lastSeen" -> lastSeen = instant(parser);
                case "direction" -> direction = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        return new Facts(accountId, accountName, environment, owner, contact, channel, destinationIp, destinationPort,
                destinationOrganization, instanceId, firstSeen, lastSeen, direction);
    }

    private static <T> List<T> list(JsonParser parser, Reader<T> element) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("expected an array at " + parser.currentLocation() + ", found " + parser.currentToken());
        }
        List<T> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(element.read(parser));
        }
        return values;
    }

    /** An object of any values, as Jackson reads one into a {@code Map<String, Object>}. */
    private static Map<String, Object> object(JsonParser parser) throws IOException {
        expectObject(parser, "an object");
        Map<String, Object> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            values.put(field, value(parser));
        }
        return values;
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> list(parser, VerdictJsonReader::value);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
    }

    private static Instant instant(JsonParser parser) throws IOException {
        String text = parser.getValueAsString();
        return text == null ? null : Instant.parse(text);
    }

    private static Disposition disposition(String id) throws IOException {
        if (id == null) {
            return null;
        }
        for (Disposition disposition : Disposition.values()) {
            if (disposition.id().equals(id)) {
                return disposition;
            }
        }
        throw new IOException("unknown disposition \"" + id + "\"");
    }

    private static Level level(String id) throws IOException {
        if (id == null) {
            return null;
        }
        for (Level level : Level.values()) {
            if (level.id().equals(id)) {
                return level;
            }
        }
        throw new IOException("unknown severity \"" + id + "\"");
    }

    private static void expectObject(JsonParser parser, String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected " + what + " (an object) at " + parser.currentLocation() + ", found "
                    + parser.currentToken());
        }
    }
}
