package dev.vigil.finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A finding's document as it arrived: either a JSON tree already built, or the record's UTF-8 bytes, parsed only when
 * someone asks for the tree (the streaming reader maps findings without building trees; most runs never look at the
 * document). Equal when the trees are equal. Thread-safe.
 */
public final class RawDocument {

    private final byte[] json;
    private final int offset;
    private final int length;
    private volatile JsonNode tree;

    private RawDocument(byte[] json, int offset, int length, JsonNode tree) {
        this.json = json;
        this.offset = offset;
        this.length = length;
        this.tree = tree;
    }

    /** A document whose tree is already built; null for null. */
    public static RawDocument of(JsonNode tree) {
        return tree == null ? null : new RawDocument(null, 0, 0, tree);
    }

    /**
     * A document kept as {@code length} bytes of UTF-8 JSON in {@code buffer}, which are not copied: the caller never
     * changes them (the reader's buffers are shared by the documents of the records read into them, about a hundred).
     */
    public static RawDocument ofBytes(byte[] buffer, int offset, int length) {
        return new RawDocument(buffer, offset, length, null);
    }

    /** Whether the finding was read without building its tree: the document is kept as bytes until asked for. */
    public boolean keptAsBytes() {
        return json != null;
    }

    /** The length of the document's bytes ({@link #keptAsBytes()}), else 0; the buffer they are in may be larger. */
    public int size() {
        return json == null ? 0 : length;
    }

    /** The JSON tree, parsed the first time it is asked for when the document was kept as bytes. */
    public JsonNode tree() {
        JsonNode parsed = tree;
        if (parsed == null) {
            try {
                parsed = Json.mapper().readTree(json, offset, length);
            } catch (IOException e) {
                // the bytes were parsed once already when the finding was read
                throw new UncheckedIOException("a finding's document no longer parses", e);
            }
            tree = parsed;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawDocument document && tree().equals(document.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return tree().toString();
    }
}
