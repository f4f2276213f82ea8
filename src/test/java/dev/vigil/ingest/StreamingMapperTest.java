package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.finding.Finding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records the streaming mapper leaves to the tree path (bad values, duplicates, other shapes) are accepted or rejected
 * exactly as before, with the same messages naming the place and the field.
 */
class StreamingMapperTest {

    private static final String FINDING = "{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\","
            + "\"id\":\"abc\",\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":5,"
            + "\"createdAt\":\"2026-11-01T00:00:00.000Z\",\"resource\":{\"resourceType\":\"Instance\","
            + "\"instanceDetails\":{\"instanceId\":\"i-1\",\"tags\":[{\"key\":\"Name\",\"value\":\"web\"}]}},"
            + "\"service\":{\"action\":{\"actionType\":\"PORT_PROBE\",\"portProbeAction\":{\"blocked\":false,"
            + "\"portProbeDetails\":[{\"localPortDetails\":{\"port\":22,\"portName\":\"SSH\"},"
            + "\"remoteIpDetails\":{\"ipAddressV4\":\"198.51.100.7\",\"organization\":{\"asnOrg\":\"Example\"}}}]}},"
            + "\"count\":3,\"additionalInfo\":{\"value\":\"{\\\"sample\\\":true}\"}}}";

    @Test
    void aPlainFindingIsReadFromTheTokenStream() {
        Reading reading = streamedReading(FINDING + "\n");
        Finding finding = reading.only();
        assertThat(finding.document().keptAsBytes()).isTrue();
        assertThat(finding.sample()).isTrue();
        assertThat(finding.count()).isEqualTo(3);
        assertThat(finding.raw().path("id").asText()).isEqualTo("abc");
        assertThat(finding).isEqualTo(treeReading(FINDING + "\n").only());
    }

    @Test
    void anEventBridgeEventKeepsItsDetailAsTheDocument() {
        String event = "{\"version\":\"0\",\"id\":\"event-1\",\"detail-type\":\"GuardDuty Finding\","
                + "\"source\":\"aws.guardduty\",\"detail\":" + FINDING + "}\n";
        Finding finding = streamedReading(event).only();
        assertThat(finding.document().keptAsBytes()).isTrue();
        assertThat(finding.sourceFormat()).isEqualTo("eventbridge");
        assertThat(finding.raw().has("detail-type")).isFalse();
        assertThat(finding).isEqualTo(treeReading(event).only());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"key\":\"Name\",\"value\":\"web\"}]|[{\"key\":\"Name\",\"value\":\"web\"},{\"key\":\"team\",\"value\":\"a\"},"
                    + "{\"key\":\"Name\",\"value\":\"db\"}]",
            "[{\"key\":\"Name\",\"value\":\"web\"}]|{\"Name\":\"web\",\"team\":\"a\",\"Name\":\"db\"}"})
    void aRepeatedTagKeyKeepsItsFirstPlaceAndTakesItsLastValue(String change) {
        String[] parts = change.split("\\|", -1);
        assertThat(FINDING).contains(parts[0]);
        String record = FINDING.replace(parts[0], parts[1]) + "\n";
        Finding finding = streamedReading(record).only();
        assertThat(finding.document().keptAsBytes()).isTrue();
        assertThat(finding.instance().orElseThrow().tags()).containsExactly(entry("Name", "db"), entry("team", "a"));
        assertThat(finding).isEqualTo(treeReading(record).only());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"severity\":5,|\"severity\":\"high\",",
            "\"severity\":5,|\"severity\":11,",
            "\"id\":\"abc\",|",
            "\"id\":\"abc\",|\"id\":\" \",",
            "\"id\":\"abc\",|\"id\":{\"x\":1},",
            "\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",|\"type\":7,",
            "\"createdAt\":\"2026-11-01T00:00:00.000Z\"|\"createdAt\":\"yesterday\"",
            "\"createdAt\":\"2026-11-01T00:00:00.000Z\"|\"createdAt\":-5",
            "\"accountId\":\"123456789012\",|\"accountId\":null,",
            "\"count\":3,|\"count\":3,\"count\":4,",
            "\"id\":\"abc\",|\"id\":\"abc\",\"Id\":\"def\",",
            "\"port\":22,|\"port\":\"22\",",
            "\"port\":22,|\"port\":1e3,",
            "\"tags\":[|\"tags\":{\"Name\":\"web\"},\"x\":[",
            "\"schemaVersion\":\"2.0\",|\"ProductArn\":\"arn:aws:securityhub:::product/aws/guardduty\",",
            "\"schemaVersion\":\"2.0\",|\"@timestamp\":\"2026-11-01T00:00:00Z\","})
    void aChangedFindingReadsAsThroughTheTree(String change) {
        String[] parts = change.split("\\|", -1);
        assertThat(FINDING).contains(parts[0]);
        String record = FINDING.replace(parts[0], parts[1]) + "\n";
        Reading streamed = streamedReading(record);
        Reading tree = treeReading(record);
        StreamingMapperPropertyTest.assertSame(streamed, tree);
    }

    @Test
    void aBadSeverityIsRejectedNamingTheLineAndTheField() {
        String record = "{\"id\":\"x\"}\n" + FINDING.replace("\"severity\":5", "\"severity\":\"high\"") + "\n";
        Reading reading = streamedReading(record);
        assertThat(reading.findings).isEmpty();
        assertThat(reading.rejections).hasSize(2);
        assertThat(reading.rejections.get(1).message()).startsWith("input.ndjson:2: ")
                .contains("severity is the text \"high\"", "field \"severity\" (\"Severity\")");
        StreamingMapperPropertyTest.assertSame(reading, treeReading(record));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "%s%s",                                  // two values on one line
            "%s {\"id\":",                           // a value cut off after a whole one
            "[%s, %s]",                              // a top-level array
            "{\"Findings\": [%s, %s]}",              // a GetFindings response
            "%s}"})                                  // a stray closing brace
    void recordsOfOtherLayoutsReadAsThroughTheTree(String layout) {
        String text = String.format(layout, FINDING, FINDING.replace("\"abc\"", "\"def\"")) + "\n";
        StreamingMapperPropertyTest.assertSame(streamedReading(text), treeReading(text));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFF, 0xC3, 0x01, 0x09, 0x80})
    void aBadByteInAFieldNobodyReadsIsRejectedAsBefore(int bad) {
        String record = FINDING.replace("\"region\":\"us-east-1\"", "\"imageDescription\":\"AB\",\"region\":\"us-east-1\"");
        byte[] bytes = (record + "\n").getBytes(StandardCharsets.UTF_8);
        int at = record.indexOf("AB") + 1;
        bytes[at] = (byte) bad;
        Reading streamed = StreamingMapperPropertyTest.read(FindingReader.detecting(), bytes);
        Reading tree = StreamingMapperPropertyTest.read(FindingReader.detecting().withoutStreaming(), bytes);
        StreamingMapperPropertyTest.assertSame(streamed, tree);
    }

    @Test
    void aCutOffFindingIsRejectedAsBefore() {
        String text = FINDING.substring(0, 200) + "\n" + FINDING + "\n";
        Reading reading = streamedReading(text);
        assertThat(reading.findings).hasSize(1);
        assertThat(reading.rejections).singleElement().satisfies(r -> {
            assertThat(r.place()).isEqualTo("1");
            assertThat(r.reason()).startsWith("not JSON: unexpected end of input");
        });
        StreamingMapperPropertyTest.assertSame(reading, treeReading(text));
    }

    private static Reading streamedReading(String text) {
        return StreamingMapperPropertyTest.read(FindingReader.detecting(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static Reading treeReading(String text) {
        return StreamingMapperPropertyTest.read(FindingReader.detecting().withoutStreaming(),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
