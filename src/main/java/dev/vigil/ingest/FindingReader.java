package dev.vigil.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads GuardDuty findings from files, directories (recursively, in sorted order), stdin ({@code -}) and gzip, in any
 * layout (a JSON array, one object, NDJSON, concatenated values) and any of the {@link InputFormat}s. Records are
 * streamed one at a time: memory does not grow with the input. Every record ends up accepted or rejected with its place
 * and reason; a broken record never stops the rest. Immutable and thread-safe.
 */
public final class FindingReader {

    /** One record larger than this is rejected unread (GuardDuty findings are at most a few hundred KB). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    /** Extensions read when walking a directory (also with {@code .gz}); files named explicitly are always read. */
    static final Set<String> DIRECTORY_EXTENSIONS = Set.of("json", "ndjson", "jsonl", "log", "txt", "events");

    private static final ObjectMapper PARSER = new ObjectMapper();

    private final InputFormat forced;
    private final RecordMapper mapper;
    private final int maxRecordBytes;
    private final boolean streaming;
    private final boolean documents;

    private FindingReader(InputFormat forced, int maxRecordBytes, boolean streaming, boolean documents) {
        this.forced = forced;
        this.mapper = new RecordMapper(forced);
        this.maxRecordBytes = maxRecordBytes;
        this.streaming = streaming && forced == null;
        this.documents = documents;
    }

    /** Detects the format of each record. */
    public static FindingReader detecting() {
        return new FindingReader(null, MAX_RECORD_BYTES, true, true);
    }

    /** Reads every record as the given format (containers such as {@code {"Findings": [...]}} are still opened). */
    public static FindingReader forcing(InputFormat format) {
        return new FindingReader(java.util.Objects.requireNonNull(format, "format"), MAX_RECORD_BYTES, true, true);
    }

    /** The same reader with another per-record size limit (tests use a small one). */
    FindingReader withMaxRecordBytes(int limit) {
        return new FindingReader(forced, Math.max(limit, RecordSplitter.PREVIEW_BYTES + 1), streaming, documents);
    }

    /** The same reader with every record read through the JSON tree (tests compare it with the streaming mapper). */
    FindingReader withoutStreaming() {
        return new FindingReader(forced, maxRecordBytes, false, documents);
    }

    /**
     * The same reader for callers that never look at a finding's {@link Finding#document() document}: findings come
     * without one, and the reader reuses its buffer, where each document kept a share of a 256 KB buffer alive (a
     * third of the reader's allocation, and the bulk of what the collector copied while findings waited in a queue).
     */
    public FindingReader withoutDocuments() {
        return new FindingReader(forced, maxRecordBytes, streaming, false);
    }

    /**
     * Reads the inputs in order: files, directories (recursively, sorted, hidden files and files with other extensions
     * than {@link #DIRECTORY_EXTENSIONS} skipped), {@code -} for stdin.
     *
     * @throws NoSuchFileException when an input does not exist (nothing is read then)
     */
    public ReadSummary read(List<String> inputs, FindingSink sink) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String input : inputs) {
            if (!input.equals("-") && !Files.exists(Path.of(input))) {
                missing.add(input);
            }
        }
        if (!missing.isEmpty()) {
            throw new NoSuchFileException(String.join(", ", missing), null, "no such file or directory");
        }
        ReadSummary total = ReadSummary.EMPTY;
        for (String input : inputs) {
            if (input.equals("-")) {
                total = total.plus(read("-", System.in, sink));
                continue;
            }
            for (Path file : files(Path.of(input))) {
                total = total.plus(readFile(file, sink));
            }
        }
        return total;
    }

    /** The files an input names: itself, or the readable files under a directory in sorted order. */
    static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !hidden(input.relativize(path)))
                    .filter(path -> readableExtension(path.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean readableExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        int dot = lower.lastIndexOf('.');
        return dot < 0 || DIRECTORY_EXTENSIONS.contains(lower.substring(dot + 1));
    }

    private ReadSummary readFile(Path file, FindingSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, sink);
        } catch (IOException e) {
            Counting counting = new Counting(sink);
            counting.reject(new Rejection(file.toString(), "file", "could not be read: " + e.getMessage(), ""));
            return counting.summary();
        }
    }

    /** Reads one stream (plain or gzip, detected by its first bytes); {@code sourceName} names it in rejections. */
    public ReadSummary read(String sourceName, InputStream in, FindingSink sink) throws IOException {
        Counting counting = new Counting(sink);
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream plain = buffered;
        if (first == 0x1f && second == 0x8b) {
            plain = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        plain.mark(8192);
        byte[] head = plain.readNBytes(8192);
        plain.reset();
        if (isBinary(head)) {
            counting.reject(new Rejection(sourceName, "file", "binary data, not JSON text: expected a JSON or NDJSON "
                    + "file (optionally gzip-compressed)", ""));
            return counting.summary();
        }
        Parse parse = new Parse(sourceName, counting);
        try {
            new RecordSplitter(plain, maxRecordBytes, parse, documents).run();
        } catch (java.util.zip.ZipException e) {
            counting.reject(new Rejection(sourceName, "file", "gzip data is damaged after " + parse.records
                    + " records: " + e.getMessage(), ""));
        }
        // an empty (or blank) input holds no records: nothing is rejected, as for {"Findings": []}
        return counting.summary();
    }

    private static boolean isBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one JSON text holding exactly one finding (in any format); for tests and tools.
     *
     * @throws IllegalArgumentException with the reason when it is not exactly one readable finding
     */
    public Finding parseOne(String json) {
        List<Finding> found = new ArrayList<>(1);
        List<String> reasons = new ArrayList<>(1);
        try {
            read("input", new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new FindingSink() {
                @Override
                public void accept(Finding finding) {
                    found.add(finding);
                }

                @Override
                public void reject(Rejection rejection) {
                    reasons.add(rejection.reason());
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!reasons.isEmpty()) {
            throw new IllegalArgumentException(reasons.get(0));
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected one finding, found " + found.size());
        }
        return found.get(0);
    }

    /** Parses each record the splitter hands over and maps it. */
    private final class Parse implements RecordSplitter.Records {
        private final String source;
        private final Counting sink;
        long records;

        Parse(String source, Counting sink) {
            this.source = source;
            this.sink = sink;
        }

        @Override
        public void record(byte[] buffer, int offset, int length, long line, int index, long arrayLine)
                throws IOException {
            records++;
            if (streaming && streamed(buffer, offset, length)) {
                return;
            }
            try (JsonParser parser = PARSER.createParser(buffer, offset, length)) {
                while (true) {
                    int start = 0;
                    JsonNode node;
                    try {
                        JsonToken token = parser.nextToken();
                        if (token == null) {
                            return;
                        }
                        start = (int) parser.currentTokenLocation().getByteOffset();
                        node = parser.readValueAsTree();
                    } catch (JsonProcessingException e) {
                        String raw = new String(buffer, offset + start, length - start, StandardCharsets.UTF_8);
                        sink.reject(new Rejection(source, place(line, index, arrayLine, 0), "not JSON: " + describe(e, line), raw));
                        return;
                    }
                    int stop = (int) Math.min(length, parser.currentLocation().getByteOffset());
                    int from = start;
                    mapper.map(node, new RecordMapper.Outcome() {
                        @Override
                        public void finding(Finding finding) {
                            sink.accept(documents ? finding : finding.withoutDocument());
                        }

                        @Override
                        public void reject(int element, String reason, JsonNode raw) {
                            String text = element == 0
                                    ? new String(buffer, offset + from, Math.max(0, stop - from), StandardCharsets.UTF_8)
                                    : raw.toString();
                            sink.reject(new Rejection(source, place(line, index, arrayLine, element), reason, text));
                        }
                    });
                }
            }
        }

        /**
         * A line that starts with an object: when it is one plain GuardDuty finding or event, mapped straight from its
         * bytes as it is found where it ends, so that the splitter need not look for the end of the line first.
         */
        @Override
        public int lineRecord(byte[] buffer, int offset, int limit) {
            if (!streaming) {
                return -1;
            }
            JsonCursor cursor = JsonCursor.line(buffer, offset, limit);
            Finding finding;
            int newline;
            try {
                finding = StreamingMapper.readObject(cursor, documents ? buffer : null);
                newline = cursor.lineEnd();
            } catch (NotStreamable | RecordException | IllegalArgumentException
                     | java.time.DateTimeException notPlain) {
                return -1;
            }
            if (newline < 0 || newline - offset > maxRecordBytes) {
                return -1;
            }
            records++;
            sink.accept(finding);
            return newline;
        }

        /**
         * Maps a record that is one plain GuardDuty finding or event straight from its bytes; false (nothing passed on)
         * when it is anything else, for the tree path to read.
         */
        private boolean streamed(byte[] buffer, int offset, int length) {
            Finding finding;
            try {
                finding = StreamingMapper.read(new JsonCursor(buffer, offset, length), documents ? buffer : null);
            } catch (NotStreamable | RecordException | IllegalArgumentException
                     | java.time.DateTimeException notPlain) {
                return false;
            }
            sink.accept(finding);
            return true;
        }

        @Override
        public void tooLarge(long line, int index, long arrayLine, long size, String preview) {
            records++;
            sink.reject(new Rejection(source, place(line, index, arrayLine, 0), String.format(Locale.ROOT,
                    "record of %,d bytes is larger than the %d MiB limit for one finding (GuardDuty findings are a few "
                            + "KB); it was skipped, and only its first 64 KiB are kept in the rejects file",
                    size, maxRecordBytes / (1024 * 1024)), preview));
        }
    }

    /**
     * {@code 17} (a value on line 17), {@code record 3} (element 3 of an array or {@code Findings} list that starts on
     * line 1), {@code 17 record 2} (element 2 of one that starts on line 17), {@code record 4 element 2}.
     */
    static String place(long line, int index, long arrayLine, int element) {
        if (index > 0) {
            String record = arrayLine <= 1 ? "record " + index : arrayLine + " record " + index;
            return element > 0 ? record + " element " + element : record;
        }
        if (element > 0) {
            return line == 1 ? "record " + element : line + " record " + element;
        }
        return Long.toString(line);
    }

    /** {@code unexpected end of input at column 211}, with the line when the record spans several. */
    static String describe(JsonProcessingException e, long recordLine) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith("Unexpected end-of-input")) {
            message = "unexpected end of input";
        } else if (!message.isEmpty()) {
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getColumnNr() < 0) {
            return message;
        }
        int lineInRecord = Math.max(1, location.getLineNr());
        return lineInRecord == 1 ? message + " at column " + location.getColumnNr()
                : message + " at line " + (recordLine + lineInRecord - 1) + ", column " + location.getColumnNr();
    }

    /** Counts what passes through to the caller's sink. */
    private static final class Counting implements FindingSink {
        private final FindingSink target;
        private long accepted;
        private long rejected;

        Counting(FindingSink target) {
            this.target = target;
        }

        @Override
        public void accept(Finding finding) {
            accepted++;
            target.accept(finding);
        }

        @Override
        public void reject(Rejection rejection) {
            rejected++;
            target.reject(rejection);
        }

        ReadSummary summary() {
            return new ReadSummary(accepted + rejected, accepted, rejected);
        }
    }
}
