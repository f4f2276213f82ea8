package dev.vigil.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns a camelCase finding (EventBridge detail, S3 export) into the PascalCase shape GetFindings returns through the
 * AWS CLI and SDKs, following the botocore model (guardduty 2017-11-28): member names are the location names with a
 * capital first letter, except for the members botocore renames, and {@code Service.AdditionalInfo} is a
 * {@code {Value, Type}} pair whose Value is the JSON text of the additional information.
 */
final class PascalCase {

    private static final ObjectMapper COMPACT = new ObjectMapper();

    /** Parent key, then camelCase key, to the botocore member name where it is not a simple re-casing. */
    private static final Map<String, Map<String, String>> RENAMED = Map.of(
            "productCodes", Map.of("productCodeId", "Code", "productCodeType", "ProductType"),
            "location", Map.of("lat", "Latitude", "lon", "Longitude"),
            "account", Map.of("account", "Name"),
            "kubernetesApiCallAction", Map.of("sourceIPs", "SourceIps"),
            "taskDetails", Map.of("createdAt", "TaskCreatedAt"));

    /** Map-typed members: their keys are data, not member names. */
    private static final Set<String> MAPS = Set.of("affectedResources");

    private PascalCase() {
    }

    static ObjectNode finding(ObjectNode camel) {
        return (ObjectNode) convert(camel, "");
    }

    private static JsonNode convert(JsonNode node, String parentKey) {
        if (node.isArray()) {
            ArrayNode array = Documents.NODES.arrayNode(node.size());
            for (JsonNode element : node) {
                array.add(convert(element, parentKey));
            }
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = Documents.object();
        Map<String, String> renamed = RENAMED.getOrDefault(parentKey, Map.of());
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String pascal = renamed.getOrDefault(key, capitalize(key));
            if (MAPS.contains(key)) {
                result.set(pascal, value.deepCopy());
            } else if (key.equals("additionalInfo") && parentKey.equals("service")) {
                result.set(pascal, additionalInfo(value));
            } else {
                result.set(pascal, convert(value, key));
            }
        }
        return result;
    }

    private static ObjectNode additionalInfo(JsonNode camel) {
        ObjectNode pair = Documents.object();
        String text;
        if (camel.hasNonNull("value") && camel.get("value").isTextual()) {
            text = camel.get("value").asText();
        } else {
            try {
                text = COMPACT.writeValueAsString(camel);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        pair.put("Value", text);
        pair.put("Type", camel.path("type").asText("default"));
        return pair;
    }

    private static String capitalize(String key) {
        if (key.isEmpty() || Character.isUpperCase(key.charAt(0))) {
            return key;
        }
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
