package dev.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.finding.Json;
import dev.vigil.finding.JsonBytes;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written verdict JSON is byte for byte what Jackson writes for the same verdict, in both shapes. */
class VerdictJsonTest {

    @JsonIgnoreProperties({"checklist"})
    private abstract static class WithoutChecklist {
    }

    @JsonIgnoreProperties({"question"})
    private abstract static class AnswerWithoutText {
    }

    /** The CLI's configuration before the hand-written writer replaced it (without --explain). */
    private static final ObjectMapper BRIEF = Json.mapper().copy().addMixIn(Verdict.class, WithoutChecklist.class)
            .addMixIn(Answer.class, AnswerWithoutText.class);

    @Provide
    Arbitrary<Verdict> verdicts() {
        return VerdictArbitraries.verdicts();
    }

    @Property(tries = 2000)
    void fullIsJacksonsJson(@ForAll("verdicts") Verdict verdict) throws Exception {
        JsonBytes out = new JsonBytes();
        VerdictJson.FULL.write(verdict, out);
        assertThat(out.toByteArray()).isEqualTo(Json.mapper().writeValueAsBytes(verdict));
    }

    @Property(tries = 2000)
    void briefIsJacksonsJsonWithoutTheChecklistAndQuestionTexts(@ForAll("verdicts") Verdict verdict) throws Exception {
        JsonBytes out = new JsonBytes();
        out.raw("[\n");
        VerdictJson.BRIEF.write(verdict, out);
        out.raw(",\n");
        VerdictJson.BRIEF.write(verdict, out);
        byte[] one = BRIEF.writeValueAsBytes(verdict);
        String expected = "[\n" + new String(one, java.nio.charset.StandardCharsets.UTF_8) + ",\n"
                + new String(one, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void stringsAreEscapedAsJacksonEscapesThem(@ForAll("texts") String text) throws Exception {
        JsonBytes out = new JsonBytes();
        out.string(text);
        assertThat(out.toByteArray()).isEqualTo(Json.mapper().writeValueAsBytes(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return VerdictArbitraries.texts();
    }
}
