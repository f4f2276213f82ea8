package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Json;
import dev.vigil.triage.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistsTest {

    @Test
    void theHandWrittenJsonIsTheBytesJacksonWritesAndReadsBack() throws Exception {
        List<Step> steps = List.of(
                new Step("snapshot-instance", "containment", "Snapshot i-0abc \"before\" C:\\temp\n\ttab\r\b\f\u0001 end"),
                new Step("", null, null),
                new Step("snapshot-instance", "triage", "naïve ünïcode ✓ and / slash"),
                new Step("pager", "eradication", "page 📟 the owners \u2028 then \ud83d alone"),
                new Step(null, "recovery", ""));

        byte[] json = Checklists.json(steps);

        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.mapper().writeValueAsBytes(Checklists.normalized(steps)),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Json.mapper().readValue(json, Step[].class)).containsExactlyElementsOf(Checklists.normalized(steps));
        assertThat(new String(Checklists.json(List.of()), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("[]");
    }
}
