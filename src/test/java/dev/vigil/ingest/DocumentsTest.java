package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader without documents gives the same findings, without their documents, and reuses its buffer; a reader with
 * them never overwrites the bytes a document points into. The input is a few megabytes, so the splitter refills (and,
 * without documents, reuses) its 256 KB buffer many times, and mixes one-line findings (read from their bytes) with
 * findings over several lines (read through the tree).
 */
class DocumentsTest {

    private static final int RECORDS = 3000;

    @Test
    void withoutDocumentsTheFindingsAreTheSameWithNoDocument() {
        String input = input();
        List<Finding> with = Reading.of(FindingReader.detecting(), "input", input).findings;
        List<Finding> without = Reading.of(FindingReader.detecting().withoutDocuments(), "input", input).findings;

        assertThat(without).hasSize(RECORDS).allSatisfy(finding -> assertThat(finding.document()).isNull());
        assertThat(without).containsExactlyElementsOf(with.stream().map(Finding::withoutDocument).toList());
    }

    @Test
    void withDocumentsEachDocumentIsItsOwnRecordAfterTheBufferIsRefilled() {
        List<Finding> findings = Reading.of(FindingReader.detecting(), "input", input()).findings;

        assertThat(findings).hasSize(RECORDS);
        for (Finding finding : findings) {
            assertThat(finding.raw().path("id").asText()).isEqualTo(finding.id());
            assertThat(finding.raw().path("description").asText()).isEqualTo(description(finding.id()));
        }
    }

    /** One finding per line, and every tenth over several lines; each about 1.5 KB. */
    private static String input() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            String id = "finding-" + i;
            String finding = "{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\","
                    + "\"id\":\"" + id + "\",\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":5,"
                    + "\"description\":\"" + description(id) + "\","
                    + "\"createdAt\":\"2026-11-01T00:00:00.000Z\",\"resource\":{\"resourceType\":\"Instance\","
                    + "\"instanceDetails\":{\"instanceId\":\"i-" + i + "\",\"tags\":[{\"key\":\"Name\",\"value\":\"web\"}]}},"
                    + "\"service\":{\"action\":{\"actionType\":\"PORT_PROBE\",\"portProbeAction\":{\"blocked\":false,"
                    + "\"portProbeDetails\":[{\"localPortDetails\":{\"port\":22,\"portName\":\"SSH\"},"
                    + "\"remoteIpDetails\":{\"ipAddressV4\":\"198.51.100." + (i % 250) + "\"}}]}},\"count\":3}}";
            input.append(i % 10 == 0 ? finding.replace(",\"", ",\n  \"") : finding).append('\n');
        }
        return input.toString();
    }

    private static String description(String id) {
        return ("Unprotected port on an instance is being probed, " + id + ". ").repeat(12);
    }
}
