package dev.vigil.cases.jdbi;

import dev.vigil.triage.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A case's checklist as the store keeps it: the rendered steps, in order, as one JSON array, compressed ({@link Blobs}),
 * in {@code case_checklists} (the checklist is rendered from the opening finding, so it differs from case to case); the
 * steps checked off are rows of {@code checked_steps}. One row per case instead of one per step.
 */
final class Checklists {
    private Checklists() {
    }

    /** The steps as stored: ids unique (a blank one becomes {@code step-N}, a repeated one gets {@code -2}, ...), phase and text set. */
    static List<Step> normalized(List<Step> checklist) {
        List<Step> steps = new ArrayList<>(checklist.size());
        Set<String> ids = new LinkedHashSet<>();
        for (Step step : checklist) {
            String id = step.id() == null || step.id().isBlank() ? "step-" + (steps.size() + 1) : step.id();
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
            steps.add(new Step(unique.length() > 128 ? unique.substring(0, 128) : unique,
                    step.phase() == null ? "triage" : step.phase(), step.text() == null ? "" : step.text()));
        }
        return steps;
    }

    /**
     * The JSON the store compresses (see {@link Blobs}): the normalized steps as {@code [{"id":...,"phase":...,"text":...}]},
     * the bytes Jackson writes for them, written by hand: the writer thread makes one per case opened (half the
     * findings of an import), and Jackson's bean serializer took a tenth of that thread's Java time.
     */
    static byte[] json(List<Step> checklist) {
        List<Step> steps = normalized(checklist);
        StringBuilder json = new StringBuilder(64 + steps.size() * 160).append('[');
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            json.append(i == 0 ? "{\"id\":" : ",{\"id\":");
            string(json, step.id());
            json.append(",\"phase\":");
            string(json, step.phase());
            json.append(",\"text\":");
            string(json, step.text());
            json.append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A JSON string as Jackson writes it: quote, backslash and control characters escaped, the rest as it is. The runs
     * between escapes are appended whole (a step's text rarely has any): appending character by character took as long
     * as all of Jackson.
     */
    private static void string(StringBuilder json, String text) {
        json.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        json.append(text, run, text.length()).append('"');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static List<Step> read(byte[] stored, LongFunction<byte[]> dictionaries) {
        if (stored == null || stored.length == 0) {
            return List.of();
        }
        try {
            return VerdictJsonReader.steps(Blobs.read(stored, dictionaries));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored checklist cannot be read back: " + e.getMessage(), e);
        }
    }
}
