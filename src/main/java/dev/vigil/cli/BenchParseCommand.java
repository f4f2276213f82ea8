package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench-parse FILE}: the benchmark's ceiling. Reads the file and parses every JSON value in it into a
 * Jackson tree, nothing else, and prints how many it parsed. Hidden from {@code vigil --help}; bench/run uses it.
 */
@Command(name = "bench-parse", hidden = true, mixinStandardHelpOptions = true,
        description = "Parse every JSON value of FILE into a Jackson tree and count them (the benchmark's ceiling).",
        footerHeading = "%nExample:%n",
        footer = "  vigil bench-parse bench/work/findings-100000.ndjson")
public final class BenchParseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An NDJSON (or concatenated JSON) file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ExitCodes.ConfigurationException(file + ": no such file");
        }
        ObjectMapper mapper = new ObjectMapper();
        long records = 0;
        long fields = 0;
        long started = System.nanoTime();
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(in)) {
            while (values.hasNextValue()) {
                fields += values.nextValue().size();
                records++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("parsed %d records (%d top-level fields) in %.3f s%n", records, fields, seconds);
        return ExitCodes.OK;
    }
}
