package dev.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The runbooks' behaviours as data: every file in src/test/resources/triage-cases/ holds cases (note, finding, context,
 * expect), each run as one test named by its note against the bundled playbooks.
 */
class TriageCasesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path CASES = Path.of("src/test/resources/triage-cases");
    private static final Playbooks PLAYBOOKS = Playbooks.bundled();

    @TestFactory
    Stream<DynamicTest> everyTriageCaseGivesTheExpectedVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                List<Map<String, Object>> cases = YAML.readValue(file.toFile(),
                        YAML.getTypeFactory().constructCollectionType(List.class, Map.class));
                for (Map<String, Object> triageCase : cases) {
                    String note = file.getFileName() + ": " + triageCase.get("note");
                    tests.add(DynamicTest.dynamicTest(note, () -> run(triageCase)));
                }
            }
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> triageCase) throws IOException {
        Map<String, Object> context = (Map<String, Object>) triageCase.getOrDefault("context", Map.of());
        Path dir = Files.createTempDirectory("triage-case");
        Intel intel = intel(context, dir);
        LocalDate today = LocalDate.parse(String.valueOf(context.getOrDefault("today", "2026-11-25")));
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        TriageEngine engine = new TriageEngine(PLAYBOOKS, intel, clock);
        int sequence = 0;
        for (Map<String, Object> earlier : (List<Map<String, Object>>) context.getOrDefault("history", List.of())) {
            engine.triage(CompactFinding.of(earlier, sequence++));
        }
        Map<String, Object> described = (Map<String, Object>) triageCase.get("finding");
        Finding finding = described.containsKey("json")
                ? FindingReader.detecting().parseOne((String) described.get("json"))
                : CompactFinding.of(described, sequence + 10);
        Verdict verdict = engine.triage(finding);
        Map<String, Object> expect = (Map<String, Object>) triageCase.get("expect");
        String trace = trace(verdict);

        assertThat(verdict.rules()).as("no rule may fail to evaluate\n" + trace)
                .noneMatch(hit -> hit.effect().equals("error"));
        if (expect.containsKey("disposition")) {
            assertThat(verdict.disposition().id()).as("disposition\n" + trace).isEqualTo(expect.get("disposition"));
        }
        if (expect.containsKey("severity")) {
            assertThat(verdict.severity().id()).as("severity\n" + trace).isEqualTo(expect.get("severity"));
        }
        if (expect.containsKey("playbook")) {
            assertThat(verdict.playbook()).as("playbook\n" + trace).isEqualTo(expect.get("playbook"));
        }
        if (expect.containsKey("rules")) {
            assertThat(verdict.rules()).extracting(RuleHit::id).as("rules that fired\n" + trace)
                    .containsExactlyElementsOf((List<String>) expect.get("rules"));
        }
        if (expect.containsKey("deciding-rule")) {
            assertThat(verdict.decidingRule()).as("deciding rule\n" + trace).isNotNull();
            assertThat(verdict.decidingRule().id()).as("deciding rule\n" + trace).isEqualTo(expect.get("deciding-rule"));
        }
        ((Map<String, String>) expect.getOrDefault("questions", Map.of())).forEach((id, answer) ->
                assertThat(verdict.questions()).as("question " + id + "\n" + trace)
                        .anySatisfy(a -> {
                            assertThat(a.id()).isEqualTo(id);
                            assertThat(a.answer()).isEqualTo(String.valueOf(answer));
                        }));
        ((Map<String, Map<String, Object>>) expect.getOrDefault("evidence", Map.of())).forEach((id, evidence) -> {
            RuleHit hit = verdict.rules().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(
                    () -> new AssertionError("rule " + id + " did not fire\n" + trace));
            evidence.forEach((name, value) -> assertThat(String.valueOf(hit.evidence().get(name)))
                    .as("evidence " + name + " of " + id + "\n" + trace).isEqualTo(String.valueOf(value)));
        });
        ((Map<String, String>) expect.getOrDefault("summaries", Map.of())).forEach((id, text) ->
                assertThat(verdict.rules()).as("summary of " + id + "\n" + trace)
                        .anySatisfy(h -> {
                            assertThat(h.id()).isEqualTo(id);
                            assertThat(h.summary()).contains(text);
                        }));
        for (String text : (List<String>) expect.getOrDefault("next-steps", List.of())) {
            assertThat(verdict.nextSteps()).as("next steps\n" + trace).anySatisfy(step -> assertThat(step).contains(text));
        }
    }

    /**
     * The case's surroundings through the real config loader: its lists are written as {@code kind: cidr} files and
     * named in a vigil.yaml; its accounts (default: examples/accounts.yaml) as an account directory. History is the
     * real {@link InMemoryHistory}.
     */
    @SuppressWarnings("unchecked")
    static Intel intel(Map<String, Object> context, Path dir) throws IOException {
        StringBuilder config = new StringBuilder("lists:\n");
        Map<String, List<String>> lists = (Map<String, List<String>>) context.getOrDefault("lists", Map.of());
        if (lists.isEmpty()) {
            config.setLength(0);
        }
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            Files.write(dir.resolve(list.getKey() + ".txt"), list.getValue());
            config.append("  ").append(list.getKey()).append(":\n    kind: cidr\n    path: ").append(list.getKey()).append(".txt\n");
        }
        Object accounts = context.get("accounts");
        if (accounts == null) {
            config.append("accounts:\n  path: ").append(Path.of("examples/accounts.yaml").toAbsolutePath()).append('\n');
        } else if (!((List<?>) accounts).isEmpty()) {
            YAML.writeValue(dir.resolve("accounts.yaml").toFile(), accounts);
            config.append("accounts:\n  path: accounts.yaml\n");
        }
        Path file = dir.resolve("vigil.yaml");
        Files.writeString(file, config.toString());
        return VigilConfig.load(file, Map.of()).intel(new InMemoryHistory());
    }

    static String trace(Verdict verdict) {
        return "verdict: " + verdict.disposition().id() + " " + verdict.severity().id() + " (" + verdict.playbook() + ")\n"
                + verdict.rules().stream().map(h -> "  rule " + h.id() + " [" + h.effect() + "] " + h.summary() + " " + h.evidence())
                .collect(Collectors.joining("\n"))
                + "\n" + verdict.questions().stream().map(a -> "  " + a.id() + ": " + a.answer() + " " + a.evidence())
                .collect(Collectors.joining("\n"))
                + "\n  next: " + verdict.nextSteps();
    }
}
