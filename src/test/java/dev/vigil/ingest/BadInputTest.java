package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    static String finding(String id, String type) {
        return "{\"schemaVersion\":\"2.0\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"id\":\"" + id
                + "\",\"type\":\"" + type + "\",\"severity\":5,\"createdAt\":\"2025-03-04T08:15:02.000Z\","
                + "\"resource\":{\"resourceType\":\"Instance\",\"instanceDetails\":{\"instanceId\":\"i-0123456789abcdef0\"}},"
                + "\"service\":{\"action\":{\"actionType\":\"NETWORK_CONNECTION\",\"networkConnectionAction\":{"
                + "\"connectionDirection\":\"OUTBOUND\",\"remoteIpDetails\":{\"ipAddressV4\":\"203.0.113.50\"},"
                + "\"remotePortDetails\":{\"port\":4444}}},\"count\":1}}";
    }

    @Test
    void aTruncatedNdjsonLineIsRejectedWithItsLineAndColumnAndTheNextLinesAreStillRead() {
        String good = finding("a", "Behavior:EC2/NetworkPortUnusual");
        String truncated = finding("b", "Behavior:EC2/NetworkPortUnusual").substring(0, 210);
        Reading reading = Reading.of("findings.ndjson", good + "\n" + truncated + "\n" + finding("c", "Recon:EC2/Portscan") + "\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("a", "c");
        assertThat(reading.rejections).singleElement().satisfies(r -> {
            assertThat(r.message()).isEqualTo("findings.ndjson:2: not JSON: unexpected end of input at column 211");
            assertThat(r.raw()).isEqualTo(truncated);
        });
        assertThat(reading.summary).isEqualTo(new ReadSummary(3, 2, 1));
    }

    @Test
    void aLineCutInTheMiddleOfAStringDoesNotSwallowTheNextLine() {
        String cut = finding("b", "Behavior:EC2/NetworkPortUnusual").substring(0, 60);
        Reading reading = Reading.of("f.ndjson", cut + "\n" + finding("c", "Recon:EC2/Portscan") + "\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("c");
        assertThat(reading.rejections).singleElement().satisfies(r -> assertThat(r.place()).isEqualTo("1"));
    }

    @Test
    void aMissingTypeInAnArrayIsRejectedByRecordNumberWithTheFieldToFix() {
        String noType = "{\"id\":\"x\",\"accountId\":\"111122223333\",\"severity\":2}";
        Reading reading = Reading.of("export.json", "[\n" + finding("a", "T:A/B") + ",\n" + finding("b", "T:A/B") + ",\n"
                + noType + "\n]\n");
        assertThat(reading.findings).hasSize(2);
        assertThat(reading.rejections).singleElement().satisfies(r -> {
            assertThat(r.message()).startsWith("export.json record 3: no finding type");
            assertThat(r.reason()).contains("\"type\"").contains("Behavior:EC2/NetworkPortUnusual");
            assertThat(r.raw()).isEqualTo(noType);
        });
    }

    @Test
    void anArrayOnAnNdjsonLineNamesItsLineAndElement() {
        Reading reading = Reading.of("m.ndjson", finding("a", "T:A/B") + "\n[" + finding("b", "T:A/B") + ",{\"id\":\"c\"}]\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("a", "b");
        assertThat(reading.rejections).singleElement().satisfies(r ->
                assertThat(r.message()).startsWith("m.ndjson:2 record 2: unknown shape (an object with fields id)"));
    }

    @Test
    void wrongTypesAreRejectedNamingTheFieldAndWhatIsExpected() {
        Reading reading = Reading.of("t.ndjson", String.join("\n",
                finding("a", "T:A/B").replace("\"severity\":5", "\"severity\":\"high\""),
                finding("b", "T:A/B").replace("\"type\":\"T:A/B\"", "\"type\":{\"name\":\"T:A/B\"}"),
                finding("c", "T:A/B").replace("\"createdAt\":\"2025-03-04T08:15:02.000Z\"", "\"createdAt\":\"yesterday\""),
                finding("d", "T:A/B").replace("\"resource\":{", "\"resource\":\"i-1\",\"x\":{"),
                finding("e", "T:A/B").replace("\"severity\":5", "\"severity\":42")));
        assertThat(reading.rejections).extracting(Rejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("severity is the text \"high\"").contains("1.0 to 10.0"),
                r -> assertThat(r).contains("finding type is an object"),
                r -> assertThat(r).contains("createdAt is the text \"yesterday\", not a time"),
                r -> assertThat(r).contains("severity is a number (42)"));
        assertThat(reading.rejections).extracting(Rejection::place).containsExactly("1", "2", "3", "5");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("d");
    }

    @Test
    void anEmptyFileHoldsNoRecordsAndRejectsNothing() {
        for (String empty : new String[] {"", "  \n", "\n\n\t\r\n"}) {
            Reading reading = Reading.of("empty.ndjson", empty);
            assertThat(reading.findings).isEmpty();
            assertThat(reading.rejections).isEmpty();
            assertThat(reading.summary.read()).isZero();
        }
    }

    @Test
    void anEmptyFindingsResponseIsNotAnError() {
        Reading reading = Reading.of("none.json", "{\"findings\": []}\n");
        assertThat(reading.findings).isEmpty();
        assertThat(reading.rejections).isEmpty();
    }

    @Test
    void binaryDataIsRejectedOnceForTheWholeFile() {
        byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, '\n', '{'};
        Reading reading = Reading.of(FindingReader.detecting(), "a.out", new ByteArrayInputStream(binary));
        assertThat(reading.rejections).singleElement().satisfies(r ->
                assertThat(r.reason()).startsWith("binary data, not JSON text"));
        assertThat(reading.summary.read()).isEqualTo(1);
    }

    @Test
    void anUnknownShapeSaysWhichShapesAreAccepted() {
        Reading reading = Reading.of("cloudtrail.json", "{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\"}");
        assertThat(reading.rejections).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("unknown shape").contains("eventVersion, eventSource");
            assertThat(r.reason()).contains("EventBridge").contains("ASFF").contains("ECS");
        });
    }

    @Test
    void anEventBridgeEventThatIsNotAGuardDutyFindingIsRejectedWithItsDetailType() {
        Reading reading = Reading.of("ev.json", "{\"detail-type\":\"EC2 Instance State-change Notification\","
                + "\"source\":\"aws.ec2\",\"detail\":{\"state\":\"running\"}}");
        assertThat(reading.rejections).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("\"EC2 Instance State-change Notification\"").contains("not a GuardDuty finding"));
    }

    @Test
    void anAsffFindingFromAnotherProductIsRejected() {
        Reading reading = Reading.of("inspector.json", "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"x\","
                + "\"ProductArn\":\"arn:aws:securityhub:us-east-1::product/aws/inspector\",\"AwsAccountId\":\"111122223333\","
                + "\"ProductName\":\"Inspector\",\"Types\":[\"Software and Configuration Checks/Vulnerabilities/CVE\"]}");
        assertThat(reading.rejections).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("\"Inspector\", not GuardDuty"));
    }

    @Test
    void concatenatedPrettyPrintedValuesAndValuesOnOneLineAreAllRead() {
        String pretty = "{\n  \"id\": \"p1\",\n  \"type\": \"Recon:EC2/Portscan\",\n  \"severity\": 2,\n  \"accountId\": \"1\"\n}\n";
        Reading reading = Reading.of("c.json", pretty + pretty.replace("p1", "p2") + finding("a", "T:A/B") + finding("b", "T:A/B") + "\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("p1", "p2", "a", "b");
        assertThat(reading.rejections).isEmpty();
    }

    @Test
    void aBrokenPrettyPrintedRecordNamesTheLineOfTheError() {
        String broken = "{\n  \"id\": \"p1\",\n  \"type\": \"Recon:EC2/Portscan\",\n  \"severity\": 2,,\n  \"accountId\": \"1\"\n}\n";
        Reading reading = Reading.of("b.json", broken + finding("a", "T:A/B") + "\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("a");
        assertThat(reading.rejections).singleElement().satisfies(r ->
                assertThat(r.message()).startsWith("b.json:1: not JSON: ").contains("at line 4, column"));
    }

    @Test
    void aFiftyMegabyteRecordIsRejectedClearlyAndTheNextRecordIsRead() throws IOException {
        byte[] head = "{\"id\":\"huge\",\"type\":\"T:A/B\",\"severity\":5,\"accountId\":\"1\",\"description\":\""
                .getBytes(StandardCharsets.UTF_8);
        long padding = 50L * 1024 * 1024;
        InputStream filler = new InputStream() {
            long left = padding;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        byte[] tail = ("\"}\n" + finding("after", "T:A/B") + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), filler, new ByteArrayInputStream(tail))));
        Reading reading = Reading.of(FindingReader.detecting(), "huge.ndjson", in);
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("after");
        assertThat(reading.rejections).singleElement().satisfies(r -> {
            assertThat(r.place()).isEqualTo("1");
            assertThat(r.reason()).contains("larger than the 16 MiB limit");
            assertThat(r.raw()).startsWith("{\"id\":\"huge\"").hasSizeLessThanOrEqualTo(64 * 1024);
        });
    }

    @Test
    void aLargePrettyPrintedRecordOverTheLimitIsSkippedToo() {
        StringBuilder big = new StringBuilder("{\n \"id\": \"big\",\n \"tags\": [\n");
        for (int i = 0; i < 20_000; i++) {
            big.append("  {\"key\": \"k").append(i).append("\", \"value\": \"some value here\"},\n");
        }
        big.append("  {}\n ]\n}\n");
        Reading reading = Reading.of(FindingReader.detecting().withMaxRecordBytes(100_000), "big.json",
                big + finding("next", "T:A/B") + "\n");
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("next");
        assertThat(reading.rejections).singleElement().satisfies(r -> assertThat(r.reason()).contains("larger than"));
    }

    @Test
    void gzipIsRecognisedByItsContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.ndjson.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((finding("z1", "T:A/B") + "\n" + finding("z2", "T:A/B") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
        Reading reading = new Reading();
        ReadSummary summary = FindingReader.detecting().read(List.of(file.toString()), reading);
        assertThat(summary).isEqualTo(new ReadSummary(2, 2, 0));
    }

    @Test
    void directoriesAreReadRecursivelyInSortedOrderSkippingHiddenAndOtherFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/nested"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/nested/2.json"), finding("n2", "T:A/B"));
        Files.writeString(dir.resolve("a.ndjson"), finding("a1", "T:A/B") + "\n");
        Files.writeString(dir.resolve("b/1.json"), finding("b1", "T:A/B"));
        Files.writeString(dir.resolve("README.md"), "# not findings");
        Files.writeString(dir.resolve(".git/config.json"), "{}");
        Reading reading = new Reading();
        FindingReader.detecting().read(List.of(dir.toString()), reading);
        assertThat(reading.findings).extracting(f -> f.id()).containsExactly("a1", "b1", "n2");
        assertThat(reading.rejections).isEmpty();
    }

    @Test
    void aMissingInputIsReportedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> FindingReader.detecting().read(List.of("no/such/file.json"), new Reading()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no/such/file.json");
    }

    @Test
    void parseOneGivesTheReasonOfARejection() {
        assertThatThrownBy(() -> FindingReader.detecting().parseOne("{\"id\":\"x\",\"type\":\"T:A/B\",\"accountId\":\"1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no severity");
    }
}
