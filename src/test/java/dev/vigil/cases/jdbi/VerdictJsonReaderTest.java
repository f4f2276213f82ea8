package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.generate.FindingGenerator;
import dev.vigil.generate.OutputFormat;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import dev.vigil.triage.Step;
import dev.vigil.triage.TriageEngine;
import dev.vigil.triage.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictJsonReaderTest {

    /** The verdicts of the examples (with their config) and of 2,000 generated findings (every playbook). */
    private static List<Verdict> verdicts() throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        triage(VigilConfig.load(Path.of("examples/vigil.yaml")), sink -> FindingReader.detecting()
                .read(List.of(Path.of("examples/findings").toString()), sink), verdicts);
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        new FindingGenerator(7, FindingGenerator.DEFAULT_START).write(2_000, OutputFormat.NDJSON, generated);
        triage(VigilConfig.defaults(), sink -> FindingReader.detecting()
                .read("generated", new ByteArrayInputStream(generated.toByteArray()), sink), verdicts);
        return verdicts;
    }

    private interface Input {
        void readInto(FindingSink sink) throws IOException;
    }

    private static void triage(VigilConfig config, Input input, List<Verdict> verdicts) throws IOException {
        TriageEngine engine = new TriageEngine(Playbooks.bundled(), config.intel(new InMemoryHistory()), Clock.systemUTC());
        input.readInto(new FindingSink() {
            @Override
            public void accept(Finding finding) {
                verdicts.add(engine.triage(finding));
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
    }

    @Test
    void readsEveryStoredVerdictAsTheObjectMapperDoes() throws IOException {
        List<Verdict> verdicts = verdicts();
        assertThat(verdicts).hasSizeGreaterThan(2_000);
        for (Verdict verdict : verdicts) {
            byte[] stored = StoredVerdicts.json(verdict);
            Verdict expected = Json.mapper().readValue(stored, Verdict.class);

            Verdict read = VerdictJsonReader.verdict(stored);

            assertThat(read).as(new String(stored, StandardCharsets.UTF_8)).isEqualTo(expected);
            // the evidence's values are shown as they are (toString), so their classes must agree too
            for (int i = 0; i < read.rules().size(); i++) {
                assertThat(read.rules().get(i).evidence().toString())
                        .isEqualTo(expected.rules().get(i).evidence().toString());
            }
        }
    }

    @Test
    void readsEveryChecklistAsTheObjectMapperDoes() throws IOException {
        for (Verdict verdict : verdicts()) {
            byte[] stored = Checklists.json(verdict.checklist());
            List<Step> expected = Json.mapper().readValue(stored, new TypeReference<List<Step>>() {
            });

            assertThat(VerdictJsonReader.steps(stored)).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void skipsPropertiesItDoesNotKnowAndReadsEvidenceOfEveryKind() throws IOException {
        String json = "{\"findingId\":\"f-1\",\"disposition\":\"escalate\",\"severity\":\"high\",\"later\":{\"a\":[1,2]},"
                + "\"rules\":[{\"id\":\"r\",\"effect\":\"raise:high\",\"evidence\":{\"port\":4444,\"big\":12345678901,"
                + "\"score\":7.5,\"ips\":[\"203.0.113.1\"],\"seen\":true,\"none\":null,\"nested\":{\"k\":\"v\"}}}],"
                + "\"questions\":[],\"nextSteps\":[\"page\"],\"checklist\":[],\"decidedBy\":\"r\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(VerdictJsonReader.verdict(bytes)).isEqualTo(Json.mapper().readValue(bytes, Verdict.class));
        assertThat(VerdictJsonReader.verdict(bytes).rules().get(0).evidence().toString())
                .isEqualTo("{port=4444, big=12345678901, score=7.5, ips=[203.0.113.1], seen=true, none=null, nested={k=v}}");
    }

    @Test
    void anUnknownDispositionIsAnErrorNamingIt() {
        byte[] bytes = "{\"disposition\":\"panic\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> VerdictJsonReader.verdict(bytes)).hasMessageContaining("unknown disposition \"panic\"");
    }
}
