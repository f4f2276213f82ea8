package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.finding.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Values printed as one JSON array ({@code json}) or one object per line ({@code ndjson}), streaming: nothing is kept.
 * On standard output the generator writes UTF-8 bytes directly; elsewhere (a test's writer) it writes characters.
 */
final class JsonStream {

    private final ObjectWriter writer;
    private final JsonGenerator generator;
    private final PrintWriter out;
    private final boolean array;
    private boolean first = true;

    JsonStream(PrintWriter out, ObjectWriter writer, boolean array) {
        this.out = out;
        // the lines and array elements are separated here; Jackson's own separator would start every later line with a space
        this.writer = writer.without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).withRootValueSeparator("");
        this.array = array;
        try {
            Optional<OutputStream> bytes = Stdout.bytesOf(out);
            this.generator = (bytes.isPresent()
                    ? Json.mapper().getFactory().createGenerator(bytes.get(), JsonEncoding.UTF8)
                    : Json.mapper().getFactory().createGenerator(out))
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Object value) {
        try {
            if (array) {
                generator.writeRaw(first ? "[\n" : ",\n");
            }
            writer.writeValue(generator, value);
            if (!array) {
                generator.writeRaw('\n');
            }
            first = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the array (prints {@code []} when there was nothing) and flushes. */
    void finish() {
        try {
            if (array) {
                generator.writeRaw(first ? "[]\n" : "\n]\n");
            }
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
