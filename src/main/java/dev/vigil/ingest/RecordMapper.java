package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decides what one parsed JSON value is and turns it into findings: a finding in one of the four formats, or a
 * container of them ({@code {"Findings": [...]}}, a Security Hub EventBridge event's {@code detail.findings}).
 * Every leaf ends in {@link Outcome#finding} or {@link Outcome#reject}.
 */
final class RecordMapper {

    static final String ACCEPTED_SHAPES = "expected a GuardDuty finding (camelCase or PascalCase, with id, type and "
            + "severity), a {\"Findings\": [...]} response, an EventBridge event with \"detail-type\": \"GuardDuty Finding\", "
            + "a Security Hub (ASFF) finding from GuardDuty, or an Elastic ECS document from the aws.guardduty integration";

    /** Where mapped records go; {@code index} is 0 for the value itself, else the 1-based element of a container. */
    interface Outcome {
        void finding(Finding finding);

        void reject(int index, String reason, JsonNode raw);
    }

    private final InputFormat forced;

    RecordMapper(InputFormat forced) {
        this.forced = forced;
    }

    void map(JsonNode node, Outcome outcome) {
        if (!node.isObject()) {
            outcome.reject(0, (node.isArray() ? "an array inside an array" : Values.kind(node)) + ", not a JSON object; "
                    + ACCEPTED_SHAPES, node);
            return;
        }
        JsonNode findings = node.get("Findings");
        if (findings == null) {
            findings = node.get("findings");
        }
        if (findings != null && findings.isArray() && !node.has("detail") && (forced == null || forced != InputFormat.ECS)) {
            int index = 0;
            for (JsonNode element : findings) {
                index++;
                mapLeaf(element, index, outcome, forced);
            }
            return;
        }
        mapLeaf(node, 0, outcome, forced);
    }

    private void mapLeaf(JsonNode node, int index, Outcome outcome, InputFormat format) {
        try {
            if (!node.isObject()) {
                throw new RecordException(Values.kind(node) + ", not a JSON object; " + ACCEPTED_SHAPES);
            }
            InputFormat shape = format != null ? format : detect(node);
            if (shape == null) {
                throw new RecordException("unknown shape (an object with fields " + fieldNames(node) + "); " + ACCEPTED_SHAPES);
            }
            switch (shape) {
                case EVENTBRIDGE -> eventBridge(node, index, outcome);
                case ASFF -> outcome.finding(AsffMapper.map(node, InputFormat.ASFF.id()));
                case ECS -> outcome.finding(EcsMapper.map(node));
                case GUARDDUTY -> outcome.finding(GuardDutyMapper.map(node, InputFormat.GUARDDUTY.id(), node));
                default -> throw new IllegalStateException(shape.toString());
            }
        } catch (RecordException | IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            String reason = e instanceof RecordException ? e.getMessage() : "unreadable value: " + e.getMessage();
            outcome.reject(index, forced != null ? reason + " (read as --input-format " + forced.id() + ")" : reason, node);
        }
    }

    static InputFormat detect(JsonNode node) {
        if (node.has("detail-type") || (node.has("detail") && node.has("source"))) {
            return InputFormat.EVENTBRIDGE;
        }
        if (AsffMapper.looksLikeAsff(node)) {
            return InputFormat.ASFF;
        }
        if (EcsMapper.looksLikeEcs(node)) {
            return InputFormat.ECS;
        }
        if (GuardDutyMapper.looksLikeFinding(node)) {
            return InputFormat.GUARDDUTY;
        }
        return EcsMapper.mayBeEcs(node) ? InputFormat.ECS : null;
    }

    private void eventBridge(JsonNode event, int index, Outcome outcome) {
        String detailType = Values.text(event.get("detail-type"));
        String source = Values.text(event.get("source"));
        JsonNode detail = event.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new RecordException("EventBridge event without a \"detail\" object (detail-type " + quoted(detailType) + ")");
        }
        JsonNode shFindings = detail.get("findings");
        if (shFindings != null && shFindings.isArray()) {
            if (shFindings.isEmpty()) {
                throw new RecordException("Security Hub event with an empty detail.findings list");
            }
            int element = 0;
            for (JsonNode asff : shFindings) {
                element++;
                int place = index == 0 ? element : index;
                try {
                    outcome.finding(AsffMapper.map(asff, InputFormat.ASFF.id()));
                } catch (RecordException e) {
                    outcome.reject(place, "Security Hub event detail.findings[" + (element - 1) + "]: " + e.getMessage(), asff);
                }
            }
            return;
        }
        if (!"GuardDuty Finding".equals(detailType) && !"aws.guardduty".equals(source)) {
            throw new RecordException("EventBridge event of detail-type " + quoted(detailType) + " from source "
                    + quoted(source) + " is not a GuardDuty finding; Vigil reads \"GuardDuty Finding\" events and Security "
                    + "Hub events whose detail.findings come from GuardDuty");
        }
        try {
            outcome.finding(GuardDutyMapper.map(detail, InputFormat.EVENTBRIDGE.id(), detail));
        } catch (RecordException e) {
            throw new RecordException("EventBridge detail: " + e.getMessage());
        }
    }

    private static String quoted(String text) {
        return text == null ? "(none)" : "\"" + text + "\"";
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext() && names.size() < 6) {
            names.add(it.next());
        }
        if (it.hasNext()) {
            names.add("...");
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
