package dev.vigil.ingest;

import dev.vigil.text.ByteWords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into JSON records without parsing them, so that one broken record never stops the rest:
 * <ul>
 *   <li>a line at the top level that starts with {@code {} and ends with {@code }} is handed over whole (NDJSON: the
 *       fast path, one scan for the newline; the receiver is offered the line first and may read the record there);</li>
 *   <li>otherwise the bytes are scanned for the end of the value (strings, escapes, nesting), so pretty-printed and
 *       concatenated values work; the elements of a top-level array are records of their own;</li>
 *   <li>a record is cut off (and handed over broken, for the parser to explain) when a raw newline appears inside a
 *       string or a line starts with {@code {} at column 0 while the record is still open: the next record starts there;</li>
 *   <li>a record longer than the limit is skipped without being held in memory.</li>
 * </ul>
 * Memory is bounded by the largest record, not by the input.
 */
final class RecordSplitter {

    /** Receives the records; the bytes of a record's range are never changed afterwards (see {@link #fill}). */
    interface Records {
        /**
         * @param line the line the record starts on
         * @param index 0 for a top-level value, else the 1-based element of the top-level array
         * @param arrayLine the line the top-level array starts on (when {@code index > 0})
         */
        void record(byte[] buffer, int offset, int length, long line, int index, long arrayLine) throws IOException;

        void tooLarge(long line, int index, long arrayLine, long size, String preview) throws IOException;

        /**
         * Offered first a line at the top level that starts with an object, before it is looked for where the line
         * ends: the bytes read so far, from {@code offset} to {@code limit}. Returns the index of the line break that
         * ends the line when the receiver took the record on it (it read where it ends), or -1 to have it handed over
         * to {@link #record} as usual.
         */
        int lineRecord(byte[] buffer, int offset, int limit) throws IOException;
    }

    static final int PREVIEW_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxRecord;
    private final Records out;
    /** Whether records keep pointing into the buffer after they are handed over (their documents do). */
    private final boolean recordsKeepBytes;
    private byte[] buf = new byte[256 * 1024];
    private int pos;
    private int end;
    private int mark = -1;
    private boolean eof;
    private long line = 1;
    private boolean lineStart = true;
    private boolean inArray;
    private int arrayIndex;
    private long arrayLine;

    /**
     * @param recordsKeepBytes whether what {@code out} makes of a record keeps pointing into the buffer it was handed
     *                         (a finding's document): the buffer is then never written again; else it is reused
     */
    RecordSplitter(InputStream in, int maxRecord, Records out, boolean recordsKeepBytes) {
        this.in = in;
        this.maxRecord = maxRecord;
        this.out = out;
        this.recordsKeepBytes = recordsKeepBytes;
    }

    void run() throws IOException {
        if (available(3) && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        while (available(1)) {
            byte c = buf[pos];
            if (c == '\n') {
                line++;
                pos++;
                lineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
                lineStart = false;
                continue;
            }
            if (inArray && c == ',') {
                pos++;
                lineStart = false;
                continue;
            }
            if (inArray && c == ']') {
                inArray = false;
                pos++;
                lineStart = false;
                continue;
            }
            if (!inArray && c == '[') {
                inArray = true;
                arrayIndex = 0;
                arrayLine = line;
                pos++;
                lineStart = false;
                continue;
            }
            int index = inArray ? ++arrayIndex : 0;
            if (!inArray && lineStart && c == '{' && wholeLine(index)) {
                continue;
            }
            if (c == '{' || c == '[') {
                value(index);
            } else {
                scalar(index);
            }
        }
    }

    /**
     * The NDJSON fast path: the line starting here ends in '}'. Returns false (nothing consumed) otherwise. The receiver
     * is offered the line first: most lines are findings it reads to their end, and then the line is not scanned twice.
     */
    private boolean wholeLine(int index) throws IOException {
        int taken = out.lineRecord(buf, pos, end);
        if (taken >= 0) {
            pos = taken;
            lineStart = false;
            return true;
        }
        long recordLine = line;
        mark = pos;
        int scan = pos;
        while (true) {
            int newline = indexOfNewline(buf, scan, end);
            if (newline >= 0) {
                scan = newline;
                break;
            }
            scan = end;
            if (scan - pos > maxRecord) {
                mark = -1;
                skipLongLine(recordLine, index);
                return true;
            }
            int before = pos;
            boolean more = fill();
            scan += pos - before;
            if (!more) {
                break;
            }
        }
        int last = scan - 1;
        while (last > pos && (buf[last] == ' ' || buf[last] == '\t' || buf[last] == '\r')) {
            last--;
        }
        if (buf[last] != '}') {
            mark = -1;
            return false;
        }
        if (scan - pos > maxRecord) {
            mark = -1;
            skipLongLine(recordLine, index);
            return true;
        }
        out.record(buf, pos, last + 1 - pos, recordLine, index, arrayLine);
        mark = -1;
        pos = scan;
        lineStart = false;
        return true;
    }

    private static final long NEWLINES = ByteWords.repeated('\n');

    /** The first '\n' in {@code bytes[from, to)}, or -1; eight bytes at a time ({@link ByteWords}). */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = ByteWords.equalBytes(ByteWords.word(bytes, i), NEWLINES);
            if (found != 0) {
                return i + ByteWords.firstFlaggedByte(found);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void skipLongLine(long recordLine, int index) throws IOException {
        String preview = new String(buf, pos, Math.min(PREVIEW_BYTES, end - pos), StandardCharsets.UTF_8);
        long size = 0;
        while (available(1)) {
            if (buf[pos] == '\n') {
                break;
            }
            pos++;
            size++;
        }
        out.tooLarge(recordLine, index, arrayLine, size, preview);
        lineStart = false;
    }

    /** An object or array value: scan to its end. */
    private void value(int index) throws IOException {
        long recordLine = line;
        mark = pos;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        long skipped = 0;
        String preview = null;
        while (true) {
            if (pos >= end) {
                if (preview == null && pos - mark > maxRecord) {
                    preview = new String(buf, mark, PREVIEW_BYTES, StandardCharsets.UTF_8);
                }
                if (preview != null) {
                    skipped += pos - mark;
                    mark = pos;
                }
                if (!fill()) {
                    emit(recordLine, index, skipped, preview);
                    return;
                }
            }
            byte b = buf[pos++];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                } else if (b == '\n') {
                    pos--;
                    emit(recordLine, index, skipped, preview);
                    return;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    if (--depth == 0) {
                        emit(recordLine, index, skipped, preview);
                        lineStart = false;
                        return;
                    }
                }
                case '\n' -> {
                    line++;
                    if (pos >= end) {
                        if (preview == null && pos - mark > maxRecord) {
                            preview = new String(buf, mark, PREVIEW_BYTES, StandardCharsets.UTF_8);
                        }
                        if (preview != null) {
                            skipped += pos - mark;
                            mark = pos;
                        }
                        fill();
                    }
                    if (pos < end && buf[pos] == '{') {
                        emitUpTo(pos - 1, recordLine, index, skipped, preview);
                        lineStart = true;
                        return;
                    }
                }
                default -> {
                }
            }
        }
    }

    private void emit(long recordLine, int index, long skipped, String preview) throws IOException {
        emitUpTo(pos, recordLine, index, skipped, preview);
    }

    private void emitUpTo(int until, long recordLine, int index, long skipped, String preview) throws IOException {
        if (preview != null) {
            out.tooLarge(recordLine, index, arrayLine, skipped + (until - mark), preview);
        } else {
            out.record(buf, mark, until - mark, recordLine, index, arrayLine);
        }
        mark = -1;
    }

    /** Something that is not an object or array: up to the end of the line (or the next comma in an array). */
    private void scalar(int index) throws IOException {
        long recordLine = line;
        mark = pos;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            if (pos >= end && !fill()) {
                break;
            }
            if (pos - mark > maxRecord) {
                String preview = new String(buf, mark, PREVIEW_BYTES, StandardCharsets.UTF_8);
                long size = pos - mark;
                mark = -1;
                while (available(1) && buf[pos] != '\n') {
                    pos++;
                    size++;
                }
                out.tooLarge(recordLine, index, arrayLine, size, preview);
                return;
            }
            byte b = buf[pos];
            if (b == '\n') {
                break;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (inArray && (b == ',' || b == ']')) {
                break;
            }
            pos++;
        }
        emit(recordLine, index, 0, null);
        lineStart = false;
    }

    private boolean available(int count) throws IOException {
        while (end - pos < count) {
            if (!fill()) {
                return end - pos >= count;
            }
        }
        return true;
    }

    /**
     * Reads more bytes, keeping those from {@code mark} (or {@code pos}) on; false at the end of input. When records
     * keep their bytes, bytes handed over in a record are never overwritten: when the buffer is nearly full, the bytes
     * kept move to a new buffer and the old one stays with the records' documents that point into it
     * ({@link dev.vigil.finding.RawDocument}), so a finding keeps its document without a copy of its own. Otherwise
     * the bytes kept move to the front of the same buffer: no new 256 KB for every 80 findings or so, to be zeroed,
     * filled and collected.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = mark >= 0 ? mark : pos;
        if (buf.length - end < buf.length / 4) {
            int kept = end - keep;
            byte[] next = kept > buf.length / 2 ? new byte[buf.length * 2] : recordsKeepBytes ? new byte[buf.length] : buf;
            System.arraycopy(buf, keep, next, 0, kept);
            buf = next;
            end = kept;
            pos -= keep;
            if (mark >= 0) {
                mark = 0;
            }
        }
        int read = in.read(buf, end, buf.length - end);
        if (read < 0) {
            eof = true;
            return false;
        }
        end += read;
        return true;
    }
}
