package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.vigil.finding.Json;
import dev.vigil.generate.FindingGenerator;
import dev.vigil.generate.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The byte reader ({@link JsonCursor} under the streaming mappers) reads what Jackson's tree reads, whatever the bytes:
 * generated and corpus findings, rewritten with escapes ({@code \" \\ \/ \b \}{@code uXXXX}, surrogate pairs, lone
 * surrogates), non-ASCII UTF-8, whitespace and line breaks between tokens, numbers in every form, nulls, duplicate
 * fields, both casings, EventBridge envelopes, and bytes cut off or broken. Either it gives the same findings or the
 * record goes to the tree path: the findings, documents, rejections and summaries are the same as the tree path's.
 */
class ByteReaderPropertyTest {

    /** Generated findings in every format and the corpus resources (also ASFF, ECS and a PascalCase list). */
    private static final List<JsonNode> SEEDS = seeds();

    /** Text values: escapes, control characters, non-ASCII, surrogate pairs and lone surrogates, blanks, "sample". */
    private static final String[] STRINGS = {"", " ", "  ", "\t", "a\"b", "back\\slash", "a/b/c", "line\nbreak",
        "\u0000\u001f\u007f", "caf\u00e9", "\u4e2d\u6587", "\uD83D\uDE00 smile", "lone \uD800 high", "lone \uDC00 low",
        "\uFFFF\uFFFE", "i-0123456789abcdef0", "{\"sample\":true}", "{\"sample\": \"TRUE\"}", "{\"Sample\":true}",
        "s\u00e1mple", "2026-11-01T00:00:00Z", "2026-11-01 00:00:00.5", "2026-02-30T00:00:00Z", "1762000000", "22",
        " 22 ", "true", "TRUE ", "5.5", "PORT_PROBE", "NETWORK_CONNECTION", "AWS_API_CALL"};

    /** Number literals as JSON writes them, and some it does not allow (Jackson rejects those). */
    private static final String[] NUMBERS = {"0", "-0", "5", "5.0", "5e0", "0.5E1", "5E+0", "50e-1", "-1", "10",
        "10.000000000000001", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "123456789012345678901234567890", "1e400", "-1e400", "1.7976931348623157e308",
        "4.9e-324", "1762000000", "1762000000000", "1762000000.25", "99999999999", "100000000000", "1e11",
        "0.000001", "01", "1.", ".5", "+1", "-", "1e", "NaN", "0x10", "1.5.2", "-01"};

    private static final String[] NUMERIC_FIELDS = {"severity", "Severity", "count", "Count", "port", "Port",
        "statusCode", "StatusCode", "createdAt", "CreatedAt", "updatedAt", "eventFirstSeen", "EventLastSeen",
        "archived", "blocked", "sample"};

    private static List<JsonNode> seeds() {
        List<JsonNode> seeds = new ArrayList<>(MutatedFindingsPropertyTest.SEEDS);
        for (OutputFormat format : OutputFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                new FindingGenerator(7, FindingGenerator.DEFAULT_START).write(12, format, out);
                for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                    seeds.add(Json.mapper().readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    /** One change to a record: what to do, where (an index into its objects and fields), and with what. */
    record Edit(int kind, int where, int what) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 1_000)).as(Edit::new).list().ofMinSize(0).ofMaxSize(4);
    }

    @Property(tries = 1500)
    @StatisticsReport(onFailureOnly = true)
    void everyRecordReadsAsThroughTheTree(@ForAll("edits") List<Edit> edits, @ForAll int seedChoice,
                                          @ForAll long writing, @ForAll @IntRange(min = 0, max = 19) int breakage,
                                          @ForAll int breakAt) {
        JsonNode record = SEEDS.get(Math.floorMod(seedChoice, SEEDS.size())).deepCopy();
        Extras extras = new Extras();
        for (Edit edit : edits) {
            record = edit(record, edit, extras);
        }
        // escaped field names send a record to the tree path: only a quarter of the records have them
        byte[] bytes = new Writer(new Random(writing), (writing & 3) == 0).write(record, extras);
        bytes = breakBytes(bytes, breakage, breakAt);

        Reading streamed = StreamingMapperPropertyTest.read(FindingReader.detecting(), bytes);
        Reading tree = StreamingMapperPropertyTest.read(FindingReader.detecting().withoutStreaming(), bytes);
        Statistics.label("read").collect(streamed.findings.stream().anyMatch(f -> f.document().keptAsBytes())
                ? "from the bytes" : streamed.findings.isEmpty() ? "rejected" : "through the tree");
        Statistics.label("read").coverage(checker -> checker.check("from the bytes").percentage(p -> p >= 20));
        StreamingMapperPropertyTest.assertSame(streamed, tree);
    }

    @Property(tries = 300)
    void escapesNonAsciiTextAndWhitespaceKeepARecordOnTheByteReader(@ForAll @IntRange(min = 0, max = 35) int seedChoice,
                                                                    @ForAll long writing, @ForAll int textChoice) {
        JsonNode record = SEEDS.get(SEEDS.size() - 1 - seedChoice).deepCopy();
        ObjectNode finding = record.has("detail") ? (ObjectNode) record.get("detail") : (ObjectNode) record;
        String titleField = finding.has("title") ? "title" : "Title";
        finding.put(titleField, STRINGS[Math.floorMod(textChoice, STRINGS.length)] + " \u00e9\u4e2d\uD83D\uDE00");
        byte[] bytes = new Writer(new Random(writing), false).write(record, new Extras());

        Reading streamed = StreamingMapperPropertyTest.read(FindingReader.detecting(), bytes);
        Reading tree = StreamingMapperPropertyTest.read(FindingReader.detecting().withoutStreaming(), bytes);
        assertThat(streamed.findings).singleElement().satisfies(f -> assertThat(f.document().keptAsBytes())
                .as("read from the bytes: %s", new String(bytes, StandardCharsets.UTF_8)).isTrue());
        StreamingMapperPropertyTest.assertSame(streamed, tree);
    }

    @Property(tries = 40)
    @StatisticsReport(onFailureOnly = true)
    void manyRecordsReadAsThroughTheTreeWithTheirLineNumbers(@ForAll("edits") List<Edit> edits, @ForAll long writing,
                                                            @ForAll @IntRange(min = 50, max = 150) int count) {
        // more than one buffer of the splitter (256 KiB), records of every kind, line endings and blank lines between
        Random random = new Random(writing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            JsonNode record = SEEDS.get(random.nextInt(SEEDS.size())).deepCopy();
            Extras extras = new Extras();
            if (random.nextInt(4) == 0) {
                for (Edit edit : edits) {
                    record = edit(record, edit, extras);
                }
            }
            byte[] bytes = new Writer(new Random(random.nextLong()), random.nextInt(8) == 0).write(record, extras);
            bytes = breakBytes(bytes, random.nextInt(24), random.nextInt());
            out.writeBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1));
            String[] endings = {"\n", "\n", "\r\n", " \t\n", "\n\n", "  {\"x\":1}\n", "}\n"};
            out.writeBytes(endings[random.nextInt(endings.length)].getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = out.toByteArray();
        if (random.nextBoolean()) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1); // no line break after the last record
        }

        Reading streamed = StreamingMapperPropertyTest.read(FindingReader.detecting(), bytes);
        Reading tree = StreamingMapperPropertyTest.read(FindingReader.detecting().withoutStreaming(), bytes);
        // a zero byte in the first 8 KiB makes the input binary data, rejected whole: most inputs have findings read
        Statistics.label("many").collect(streamed.findings.stream().anyMatch(f -> f.document().keptAsBytes())
                ? "some read from the bytes" : "none read from the bytes");
        Statistics.label("many").coverage(checker -> checker.check("some read from the bytes")
                .percentage(p -> p >= 75));
        StreamingMapperPropertyTest.assertSame(streamed, tree);
    }

    /** Fields written once more after an object's own: duplicates, and the same field in the other casing. */
    private static final class Extras {
        final Map<ObjectNode, List<Map.Entry<String, JsonNode>>> added = new IdentityHashMap<>();

        void add(ObjectNode object, String name, JsonNode value) {
            added.computeIfAbsent(object, o -> new ArrayList<>()).add(Map.entry(name, value));
        }

        List<Map.Entry<String, JsonNode>> of(ObjectNode object) {
            return added.getOrDefault(object, List.of());
        }
    }

    private static JsonNode edit(JsonNode root, Edit edit, Extras extras) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (edit.kind() == 8) {
            return envelope(root, edit.what());
        }
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty()) {
            return root;
        }
        ObjectNode target = objects.get(edit.where() % objects.size());
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return root;
        }
        String name = names.get(edit.where() % names.size());
        switch (edit.kind()) {
            case 0 -> {
                // a text value somewhere: replaced by awkward text
                List<ObjectNode> withText = new ArrayList<>();
                for (ObjectNode object : objects) {
                    object.fields().forEachRemaining(e -> {
                        if (e.getValue().isTextual() && !withText.contains(object)) {
                            withText.add(object);
                        }
                    });
                }
                if (!withText.isEmpty()) {
                    ObjectNode holder = withText.get(edit.where() % withText.size());
                    List<String> textNames = new ArrayList<>();
                    holder.fields().forEachRemaining(e -> {
                        if (e.getValue().isTextual()) {
                            textNames.add(e.getKey());
                        }
                    });
                    holder.put(textNames.get(edit.what() % textNames.size()), STRINGS[edit.what() % STRINGS.length]);
                }
            }
            case 1 -> {
                // a field Vigil reads as a number, time or flag: a number literal in any form, or text, null, true
                String numeric = NUMERIC_FIELDS[edit.where() % NUMERIC_FIELDS.length];
                List<ObjectNode> holders = new ArrayList<>();
                for (ObjectNode object : objects) {
                    if (object.has(numeric)) {
                        holders.add(object);
                    }
                }
                ObjectNode holder = holders.isEmpty() ? target : holders.get(edit.what() % holders.size());
                int choice = edit.what() % (NUMBERS.length + 4);
                JsonNode value = choice < NUMBERS.length ? new POJONode(new RawValue(NUMBERS[choice]))
                        : choice == NUMBERS.length ? f.textNode(NUMBERS[edit.what() % NUMBERS.length])
                        : choice == NUMBERS.length + 1 ? f.nullNode()
                        : choice == NUMBERS.length + 2 ? f.booleanNode(true) : f.textNode(" 7 ");
                holder.set(holders.isEmpty() ? name : numeric, value);
            }
            case 2 -> target.putNull(name);
            case 3 -> extras.add(target, name, edit.what() % 2 == 0 ? target.get(name) : f.textNode("again"));
            case 4 -> extras.add(target, otherCasing(name), target.get(name));
            case 5 -> rename(target, name, otherCasing(name));
            case 6 -> target.remove(name);
            default -> target.set(name, edit.what() % 3 == 0 ? f.arrayNode().add(target.get(name))
                    : edit.what() % 3 == 1 ? f.objectNode().set("value", target.get(name)) : f.textNode("[]"));
        }
        return root;
    }

    private static JsonNode envelope(JsonNode root, int choice) {
        if (root.has("detail") && choice % 4 == 0) {
            return root.get("detail");
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "0");
        if (choice % 5 != 1) {
            event.put("detail-type", choice % 7 == 0 ? "Security Hub Findings - Imported" : "GuardDuty Finding");
        }
        if (choice % 5 != 2) {
            event.put("source", choice % 11 == 0 ? "aws.securityhub" : "aws.guardduty");
        }
        event.set("detail", choice % 13 == 0 ? JsonNodeFactory.instance.textNode("none") : root);
        return event;
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, objects));
        }
    }

    private static String otherCasing(String name) {
        if (name.isEmpty()) {
            return name;
        }
        char first = name.charAt(0);
        char flipped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return flipped + name.substring(1);
    }

    private static void rename(ObjectNode object, String from, String to) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        object.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            object.set(field.getKey().equals(from) ? to : field.getKey(), field.getValue());
        }
    }

    /**
     * Below 12: leaves the record whole. Else breaks it from a place on: a comma before a closing bracket, a colon or
     * comma missing, a literal cut short, a doubled comma; or cuts it short, or puts a byte or ill-formed UTF-8 in it.
     */
    private static byte[] breakBytes(byte[] bytes, int breakage, int at) {
        int length = bytes.length - 1; // the newline stays
        int place = Math.floorMod(at, length);
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5},
            {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {0x00}, {0x1F}, {'"'}, {'\\'}, {'}'}, {','}, {' ', '\n', '{'},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3, (byte) 0xA9}};
        return switch (breakage) {
            case 12 -> replaceNext(bytes, place, new String[] {"}", "]"}, ",");
            case 13 -> replaceNext(bytes, place, new String[] {":", ","}, "");
            case 14 -> replaceNext(bytes, place, new String[] {"null", "true", "false"}, "");
            case 15 -> replaceNext(bytes, place, new String[] {","}, ",,");
            case 16 -> concat(java.util.Arrays.copyOf(bytes, place), new byte[] {'\n'});
            case 17, 18 -> {
                byte[] insert = bad[Math.floorMod(at >>> 8, bad.length)];
                yield concat(java.util.Arrays.copyOf(bytes, place), insert,
                        java.util.Arrays.copyOfRange(bytes, place, bytes.length));
            }
            case 19 -> {
                byte[] copy = bytes.clone();
                copy[place] = bad[Math.floorMod(at >>> 8, bad.length)][0];
                yield copy;
            }
            default -> bytes;
        };
    }

    /**
     * At the first of {@code patterns} from {@code place} on: {@code with} put before a bracket, written for a colon or
     * comma (so "" drops it and ",," doubles it), or the literal with its last letter dropped.
     */
    private static byte[] replaceNext(byte[] bytes, int place, String[] patterns, String with) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int best = -1;
        String found = null;
        for (String pattern : patterns) {
            int at = text.indexOf(pattern, place);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                found = pattern;
            }
        }
        if (found == null) {
            return bytes;
        }
        String replacement = found.equals("}") || found.equals("]") ? with + found
                : found.length() > 1 ? found.substring(0, found.length() - 1) : with;
        return (text.substring(0, best) + replacement + text.substring(best + found.length()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * Writes JSON with random whitespace between tokens (a line break is always followed by a space, so the splitter
     * keeps the record whole) and each character of strings, names included when {@code escapeNames}, either as itself
     * or escaped in any way JSON allows.
     */
    private static final class Writer {
        private final Random random;
        private final boolean escapeNames;
        private final int spacing;
        private final int escaping;
        private final StringBuilder out = new StringBuilder();

        Writer(Random random, boolean escapeNames) {
            this.random = random;
            this.escapeNames = escapeNames;
            this.spacing = random.nextInt(3);
            this.escaping = random.nextInt(3);
        }

        byte[] write(JsonNode root, Extras extras) {
            space();
            value(root, extras);
            space();
            out.append('\n');
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void space() {
            if (spacing == 0 || random.nextInt(3) != 0) {
                return;
            }
            String[] spaces = {" ", "\t", "\r\n ", "\n  ", "  \t "};
            out.append(spaces[random.nextInt(spacing == 1 ? 2 : spaces.length)]);
        }

        private void value(JsonNode node, Extras extras) {
            if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
                out.append(raw.rawValue());
            } else if (node.isObject()) {
                out.append('{');
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                node.fields().forEachRemaining(fields::add);
                fields.addAll(extras.of((ObjectNode) node));
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space();
                    string(fields.get(i).getKey(), escapeNames);
                    space();
                    out.append(':');
                    space();
                    value(fields.get(i).getValue(), extras);
                    space();
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    space();
                    value(node.get(i), extras);
                    space();
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(node.textValue(), true);
            } else {
                out.append(node.toString());
            }
        }

        private void string(String text, boolean mayEscape) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean escape = mayEscape && escaping > 0 && random.nextInt(escaping == 1 ? 8 : 2) == 0;
                if (c == '"' || c == '\\') {
                    out.append('\\').append(escape ? 'u' + hex(c) : String.valueOf(c));
                } else if (c < 0x20 || Character.isSurrogate(c) && !pairAt(text, i)) {
                    String shortForm = switch (c) {
                        case '\b' -> "b";
                        case '\f' -> "f";
                        case '\n' -> "n";
                        case '\r' -> "r";
                        case '\t' -> "t";
                        default -> null;
                    };
                    out.append('\\').append(shortForm != null && !escape ? shortForm : 'u' + hex(c));
                } else if (Character.isHighSurrogate(c)) {
                    if (escape) {
                        out.append("\\u").append(hex(c)).append("\\u").append(hex(text.charAt(i + 1)));
                    } else {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                } else if (escape) {
                    out.append(c == '/' && random.nextBoolean() ? "\\/" : "\\u" + hex(c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }

        private static boolean pairAt(String text, int i) {
            return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
        }

        private String hex(char c) {
            String hex = String.format("%04x", (int) c);
            return random.nextBoolean() ? hex.toUpperCase(java.util.Locale.ROOT) : hex;
        }
    }
}
