package dev.vigil.cases.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.finding.Json;
import dev.vigil.triage.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;

/**
 * Verdicts as the store keeps them: Vigil's JSON, deflated. A verdict repeats its evidence (instance lists, ranges) in
 * rules, questions and facts, so it shrinks several times; the store writes a fraction of the bytes. The checklist
 * lives on the case and is left out.
 */
final class StoredVerdicts {
    private StoredVerdicts() {
    }

    static byte[] write(Verdict verdict) {
        Verdict compact = new Verdict(verdict.findingId(), verdict.type(), verdict.accountId(), verdict.disposition(),
                verdict.severity(), verdict.playbook(), verdict.playbookVersion(), verdict.rules(), verdict.questions(),
                verdict.facts(), verdict.nextSteps(), List.of(), verdict.caseKey());
        try {
            return deflate(Json.mapper().writeValueAsBytes(compact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict of finding " + verdict.findingId() + " as JSON", e);
        }
    }

    /**
     * A deflater per writing thread, reset between verdicts: setting up zlib's window and hash tables for every verdict
     * cost more than compressing it.
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    static byte[] deflate(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(json.length / 3 + 64);
        byte[] buffer = new byte[Math.max(512, json.length / 2)];
        while (!deflater.finished()) {
            int length = deflater.deflate(buffer);
            deflated.write(buffer, 0, length);
        }
        return deflated.toByteArray();
    }

    static Verdict read(byte[] stored) {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
            return Json.mapper().readValue(in, Verdict.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored verdict cannot be read back: " + e.getMessage(), e);
        }
    }

    static byte[] inflate(byte[] stored) {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a stored value cannot be inflated: " + e.getMessage(), e);
        }
    }

    /** The JSON text of a stored verdict (for tools and tests). */
    static String json(byte[] stored) {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a stored verdict cannot be read back: " + e.getMessage(), e);
        }
    }
}
