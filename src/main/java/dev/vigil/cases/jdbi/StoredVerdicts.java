package dev.vigil.cases.jdbi;

import dev.vigil.finding.Json;
import dev.vigil.finding.JsonBytes;
import dev.vigil.triage.Verdict;
import dev.vigil.triage.VerdictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Verdicts as the store keeps them: Vigil's JSON, compressed ({@link Blobs}). The checklist lives on the case and is
 * left out.
 */
final class StoredVerdicts {
    private StoredVerdicts() {
    }

    /** One buffer for each thread that writes verdicts (the store's triage thread): reused, never shared. */
    private static final ThreadLocal<JsonBytes> BUFFER = ThreadLocal.withInitial(JsonBytes::new);

    /**
     * The JSON the store compresses: what {@code Json.mapper()} writes for the verdict with an empty checklist, written
     * by hand ({@link VerdictJson#FULL}, half the CPU of Jackson's serializers).
     */
    static byte[] json(Verdict verdict) {
        Verdict compact = new Verdict(verdict.findingId(), verdict.type(), verdict.accountId(), verdict.disposition(),
                verdict.severity(), verdict.playbook(), verdict.playbookVersion(), verdict.rules(), verdict.questions(),
                verdict.facts(), verdict.nextSteps(), List.of(), verdict.caseKey());
        JsonBytes buffer = BUFFER.get();
        buffer.clear();
        VerdictJson.FULL.write(compact, buffer);
        return buffer.toByteArray();
    }

    static Verdict read(byte[] stored, LongFunction<byte[]> dictionaries) {
        try {
            return VerdictJsonReader.verdict(Blobs.read(stored, dictionaries));
        } catch (IOException e) {
            throw new IllegalStateException("a stored verdict cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The JSON text of a stored verdict (for tools and tests). */
    static String text(byte[] stored, LongFunction<byte[]> dictionaries) {
        return new String(Blobs.read(stored, dictionaries), StandardCharsets.UTF_8);
    }
}
