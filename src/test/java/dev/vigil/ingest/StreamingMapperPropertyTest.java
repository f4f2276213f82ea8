package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.generate.FindingGenerator;
import dev.vigil.generate.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;
import org.opentest4j.TestAbortedException;

/**
 * The streaming mapper reads exactly what the tree path reads: the same findings (documents included) and the same
 * rejections, for generated findings in every format, for mutated findings, and for the shared corpus.
 */
class StreamingMapperPropertyTest {

    private static final Path CORPUS = Path.of("/work/shared/corpus/guardduty");

    @Property(tries = 30)
    void generatedFindingsReadTheSameInEveryFormat(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                   @ForAll OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FindingGenerator(seed, FindingGenerator.DEFAULT_START).write(200, format, out);
        byte[] bytes = out.toByteArray();

        Reading streamed = read(FindingReader.detecting(), bytes);
        Reading tree = read(FindingReader.detecting().withoutStreaming(), bytes);

        assertThat(streamed.findings).hasSize(200);
        assertThat(streamed.findings).allMatch(f -> f.document().keptAsBytes(), "read from the token stream");
        assertThat(tree.findings).noneMatch(f -> f.document().keptAsBytes());
        assertSame(streamed, tree);
    }

    @Provide
    Arbitrary<List<MutatedFindingsPropertyTest.Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 7)).as(MutatedFindingsPropertyTest.Mutation::new).list()
                .ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 600)
    void mutatedFindingsReadTheSame(@ForAll("mutations") List<MutatedFindingsPropertyTest.Mutation> mutations,
                                    @ForAll int seedChoice, @ForAll boolean truncate, @ForAll int cutChoice) {
        List<JsonNode> seeds = MutatedFindingsPropertyTest.SEEDS;
        JsonNode record = seeds.get(Math.floorMod(seedChoice, seeds.size())).deepCopy();
        for (MutatedFindingsPropertyTest.Mutation mutation : mutations) {
            record = MutatedFindingsPropertyTest.mutate(record, mutation);
        }
        String text = record.toString();
        if (truncate && text.length() > 1) {
            text = text.substring(0, 1 + Math.floorMod(cutChoice, text.length() - 1));
        }
        byte[] bytes = (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Reading streamed = read(FindingReader.detecting(), bytes);
        Statistics.collect(streamed.findings.stream().anyMatch(f -> f.document().keptAsBytes()) ? "streamed"
                : streamed.findings.isEmpty() ? "rejected" : "read through the tree");
        assertSame(streamed, read(FindingReader.detecting().withoutStreaming(), bytes));
    }

    @Example
    void theSharedCorpusReadsTheSame() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            throw new TestAbortedException("skipped: no shared corpus at " + CORPUS
                    + " (it holds public GuardDuty findings in every format; see /work/shared/corpus/SOURCES.md)");
        }
        List<Path> files = FindingReader.files(CORPUS);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Reading streamed = read(FindingReader.detecting(), bytes);
            Reading tree = read(FindingReader.detecting().withoutStreaming(), bytes);
            assertThat(streamed.findings).as(file.toString()).isEqualTo(tree.findings);
            assertThat(streamed.rejections).as(file.toString()).isEqualTo(tree.rejections);
        }
    }

    static Reading read(FindingReader reader, byte[] bytes) {
        return Reading.of(reader, "input.ndjson", new ByteArrayInputStream(bytes));
    }

    static void assertSame(Reading streamed, Reading tree) {
        assertThat(streamed.findings).isEqualTo(tree.findings);
        for (int i = 0; i < tree.findings.size(); i++) {
            assertThat(streamed.findings.get(i).raw()).isEqualTo(tree.findings.get(i).raw());
            assertThat(streamed.findings.get(i).sourceFormat()).isEqualTo(tree.findings.get(i).sourceFormat());
        }
        assertThat(streamed.rejections).isEqualTo(tree.rejections);
        assertThat(streamed.summary).isEqualTo(tree.summary);
    }

}
