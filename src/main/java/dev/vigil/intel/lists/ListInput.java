package dev.vigil.intel.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** How list loaders read a list file: line by line (plain lists), or as one JSON document (published range files). */
final class ListInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Receives one line of a list file with its number (from 1). */
    @FunctionalInterface
    interface NumberedLine {
        void accept(String line, int number);
    }

    private ListInput() {
    }

    /** Gives each line of {@code in} (UTF-8) to {@code each}, with its number. */
    static void eachLine(InputStream in, NumberedLine each) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            each.accept(line, number);
        }
    }

    /**
     * The JSON document of {@code in}, or null when it is not JSON: then a {@code bad_json} error at its line says so and
     * ends with {@code fix} (e.g. "download ip-ranges.json again").
     */
    static JsonNode json(InputStream in, FileErrors errors, String fix) throws IOException {
        try {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            errors.add(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "bad_json",
                    "not valid JSON (" + e.getOriginalMessage() + "): " + fix);
            return null;
        }
    }
}
