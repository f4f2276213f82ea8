package dev.vigil.cases.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.finding.Json;
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

    /** The JSON the store compresses (see {@link Blobs}). */
    static byte[] json(List<Step> checklist) {
        try {
            return Json.mapper().writeValueAsBytes(normalized(checklist));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a checklist as JSON: " + e.getMessage(), e);
        }
    }

    static List<Step> read(byte[] stored, LongFunction<byte[]> dictionaries) {
        if (stored == null || stored.length == 0) {
            return List.of();
        }
        try {
            return VerdictJson.steps(Blobs.read(stored, dictionaries));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored checklist cannot be read back: " + e.getMessage(), e);
        }
    }
}
