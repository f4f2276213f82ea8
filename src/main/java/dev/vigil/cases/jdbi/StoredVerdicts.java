package dev.vigil.cases.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.finding.Json;
import dev.vigil.triage.Verdict;
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

    /** The JSON the store compresses. */
    static byte[] json(Verdict verdict) {
        Verdict compact = new Verdict(verdict.findingId(), verdict.type(), verdict.accountId(), verdict.disposition(),
                verdict.severity(), verdict.playbook(), verdict.playbookVersion(), verdict.rules(), verdict.questions(),
                verdict.facts(), verdict.nextSteps(), List.of(), verdict.caseKey());
        try {
            return Json.mapper().writeValueAsBytes(compact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict of finding " + verdict.findingId() + " as JSON", e);
        }
    }

    static Verdict read(byte[] stored, LongFunction<byte[]> dictionaries) {
        try {
            return VerdictJson.verdict(Blobs.read(stored, dictionaries));
        } catch (IOException e) {
            throw new IllegalStateException("a stored verdict cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The JSON text of a stored verdict (for tools and tests). */
    static String text(byte[] stored, LongFunction<byte[]> dictionaries) {
        return new String(Blobs.read(stored, dictionaries), StandardCharsets.UTF_8);
    }
}
