package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.finding.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutated findings (fields deleted, replaced, retyped; text truncated): every record is accepted or rejected with a reason. */
class MutatedFindingsPropertyTest {

    static final List<JsonNode> SEEDS = seeds();

    static List<JsonNode> seeds() {
        List<JsonNode> seeds = new ArrayList<>();
        for (String name : List.of("guardduty-s3-export.ndjson", "get-findings-pascalcase.json",
                "eventbridge-guardduty-finding.json", "securityhub-event-eks.json", "elastic-ecs-tor.json")) {
            try (InputStream in = MutatedFindingsPropertyTest.class.getResourceAsStream(name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (name.endsWith(".ndjson")) {
                    for (String line : text.split("\n")) {
                        seeds.add(Json.mapper().readTree(line));
                    }
                } else {
                    seeds.add(Json.mapper().readTree(text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    record Mutation(int kind, int pathChoice, int valueChoice) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 7)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 400)
    void everyMutatedRecordIsAcceptedOrRejectedWithAReason(@ForAll("mutations") List<Mutation> mutations,
                                                          @ForAll int seedChoice, @ForAll boolean truncate,
                                                          @ForAll int cutChoice) {
        JsonNode record = SEEDS.get(Math.floorMod(seedChoice, SEEDS.size())).deepCopy();
        for (Mutation mutation : mutations) {
            record = mutate(record, mutation);
        }
        String text = record.toString();
        if (truncate && text.length() > 1) {
            text = text.substring(0, 1 + Math.floorMod(cutChoice, text.length() - 1));
        }
        Reading reading = Reading.of("mutated.ndjson", text + "\n");
        assertThat(reading.summary.read()).isEqualTo(reading.findings.size() + reading.rejections.size());
        assertThat(reading.summary.read()).isGreaterThanOrEqualTo(1);
        reading.rejections.forEach(r -> {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.message()).startsWith("mutated.ndjson");
        });
        reading.findings.forEach(f -> {
            assertThat(f.id()).isNotBlank();
            assertThat(f.type().name()).isNotBlank();
            assertThat(f.severity().score()).isBetween(0.0, 10.0);
        });
    }

    static JsonNode mutate(JsonNode root, Mutation mutation) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty()) {
            return root;
        }
        ObjectNode target = objects.get(mutation.pathChoice() % objects.size());
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return root;
        }
        String name = names.get(mutation.pathChoice() % names.size());
        switch (mutation.kind()) {
            case 0 -> target.remove(name);
            case 1 -> target.set(name, strange(mutation.valueChoice()));
            case 2 -> target.set(name, retype(target.get(name)));
            default -> target.putNull(name);
        }
        return root;
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, objects));
        }
    }

    private static JsonNode strange(int choice) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (choice) {
            case 0 -> f.textNode("");
            case 1 -> f.numberNode(-1);
            case 2 -> f.numberNode(1e300);
            case 3 -> f.textNode("not-a-date 25:61");
            case 4 -> f.arrayNode().add(f.objectNode());
            case 5 -> f.objectNode().put("nested", true);
            case 6 -> f.booleanNode(true);
            default -> f.textNode("\u0000\uFFFF\"}{");
        };
    }

    private static JsonNode retype(JsonNode value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null || value.isNull()) {
            return f.objectNode();
        }
        if (value.isTextual()) {
            ArrayNode array = f.arrayNode();
            return array.add(value);
        }
        if (value.isNumber()) {
            return f.textNode(value.asText());
        }
        if (value.isContainerNode()) {
            return f.textNode(value.toString());
        }
        return f.numberNode(7);
    }
}
