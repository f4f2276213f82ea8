package dev.vigil.cases.jdbi;

import dev.vigil.finding.JsonBytes;
import dev.vigil.triage.Step;
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

    /** One buffer for each thread that writes checklists (the store's writer): reused, never shared. */
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(JsonBytes::new);
    private static final byte[] ID = JsonBytes.encodedName("id");
    private static final byte[] PHASE = JsonBytes.encodedName("phase");
    private static final byte[] TEXT = JsonBytes.encodedName("text");

    /**
     * The JSON the store compresses (see {@link Blobs}): the normalized steps as {@code [{"id":...,"phase":...,"text":...}]},
     * the bytes Jackson writes for them, written straight to UTF-8 by {@link JsonBytes} (as the verdicts are): the writer
     * thread makes one per case opened (half the findings of an import); Jackson's bean serializer took a tenth of that
     * thread's Java time, and a {@code StringBuilder} of the steps' mostly non-Latin-1 text, encoded after, a fifth.
     */
    static byte[] json(List<Step> checklist) {
        List<Step> steps = normalized(checklist);
        JsonBytes json = BUFFER.get();
        json.clear();
        json.open('[');
        for (Step step : steps) {
            json.element().open('{').field(ID, step.id()).field(PHASE, step.phase()).field(TEXT, step.text()).close('}');
        }
        return json.close(']').toByteArray();
    }

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
