package dev.vigil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PascalCaseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void pascalFindingsUseBotocoreMemberNamesIncludingTheRenamedOnes() throws IOException {
        List<String> camel = FindingGeneratorTest.generate(600, 9, OutputFormat.NDJSON);
        List<String> pascal = FindingGeneratorTest.generate(600, 9, OutputFormat.PASCAL);
        boolean sawSourceIps = false;
        boolean sawLatitude = false;
        for (int i = 0; i < pascal.size(); i++) {
            JsonNode original = MAPPER.readTree(camel.get(i));
            JsonNode finding = MAPPER.readTree(pascal.get(i));
            assertThat(finding.path("Id").asText()).isEqualTo(original.path("id").asText());
            assertThat(finding.path("Type").asText()).isEqualTo(original.path("type").asText());
            assertThat(finding.path("Service").path("Count").asInt()).isEqualTo(original.path("service").path("count").asInt());
            JsonNode info = finding.path("Service").path("AdditionalInfo");
            assertThat(info.path("Type").asText()).isEqualTo("default");
            assertThat(MAPPER.readTree(info.path("Value").asText()).isObject()).isTrue();
            assertKeysArePascal(finding, "");
            sawSourceIps |= !finding.findValues("SourceIps").isEmpty();
            sawLatitude |= !finding.findValues("Latitude").isEmpty();
            assertThat(finding.findValues("SourceIPs")).isEmpty();
        }
        assertThat(sawSourceIps).as("Kubernetes findings carry SourceIps (botocore's name for sourceIPs)").isTrue();
        assertThat(sawLatitude).as("attack sequence endpoints carry Latitude (NetworkGeoLocation)").isTrue();
    }

    @Test
    void tagsAndGeolocationAreRecasedAndMapKeysKeptAsData() throws IOException {
        JsonNode finding = MAPPER.readTree(FindingGeneratorTest.generate(1, 3, OutputFormat.PASCAL).get(0));
        for (JsonNode tag : finding.findValues("Tags")) {
            assertThat(tag.get(0).has("Key")).isTrue();
            assertThat(tag.get(0).has("Value")).isTrue();
        }
        for (JsonNode resources : finding.findValues("AffectedResources")) {
            resources.fieldNames().forEachRemaining(name -> assertThat(name).startsWith("AWS::"));
        }
    }

    private static void assertKeysArePascal(JsonNode node, String path) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                assertKeysArePascal(element, path + "[]");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(Character.isUpperCase(field.getKey().charAt(0))).as(path + "." + field.getKey()).isTrue();
                if (!field.getKey().equals("AffectedResources")) {
                    assertKeysArePascal(field.getValue(), path + "." + field.getKey());
                }
            }
        }
    }
}
