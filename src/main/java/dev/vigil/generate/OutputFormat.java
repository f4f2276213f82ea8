package dev.vigil.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** How {@code vigil generate} writes each finding: one JSON object per line in every format. */
public enum OutputFormat {
    /** The camelCase finding as GuardDuty exports it to S3 and puts in the EventBridge detail. */
    NDJSON,
    /** Each finding in an EventBridge envelope ({@code "detail-type": "GuardDuty Finding"}). */
    EVENTBRIDGE,
    /** Each finding in the PascalCase shape of GetFindings through the AWS CLI and SDKs. */
    PASCAL;

    ObjectNode shape(ObjectNode finding, long updatedAtMillis) {
        return switch (this) {
            case NDJSON -> finding;
            case PASCAL -> PascalCase.finding(finding);
            case EVENTBRIDGE -> envelope(finding, updatedAtMillis);
        };
    }

    private static ObjectNode envelope(ObjectNode finding, long updatedAtMillis) {
        // the event id depends only on the finding and its update, so the findings are the same in every format
        SeededRandom random = new SeededRandom(SeededRandom.mix(finding.get("id").asText().hashCode() * 31L + updatedAtMillis));
        ObjectNode event = Documents.object();
        event.put("version", "0");
        event.put("id", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        event.put("detail-type", "GuardDuty Finding");
        event.put("source", "aws.guardduty");
        event.put("account", finding.get("accountId").asText());
        event.put("time", Timestamps.isoSeconds(updatedAtMillis));
        event.put("region", finding.get("region").asText());
        event.putArray("resources");
        event.set("detail", finding);
        return event;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
