package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import dev.vigil.yaml.Place;
import dev.vigil.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpressionCacheTest {

    private static final String FINGERPRINT = "jar 1\n" + ExpressionCompiler.instance().fingerprint();

    @TempDir
    Path dir;

    private Path playbooks() throws IOException {
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.copy(Path.of("examples/playbooks/crypto-mining.yaml"), playbooks.resolve("crypto-mining.yaml"));
        return playbooks;
    }

    private Path cacheFile() {
        return dir.resolve("cache").resolve("expressions");
    }

    @Test
    void aSecondLoadSkipsTheTypeCheckOfEveryExpressionTheFirstChecked() throws IOException {
        Path playbooks = playbooks();
        ExpressionCache first = loadedThroughTheCache(playbooks);
        List<String> entries = entries();
        assertThat(entries).hasSizeGreaterThan(40);

        ExpressionCache second = ExpressionCache.open(cacheFile(), FINGERPRINT);
        Playbooks.load(List.of(playbooks), second);
        // the first load checked each distinct expression once (its repeats were hits already); the second checks none
        assertThat(second.hits()).isEqualTo(first.hits() + entries.size());
        assertThat(entries()).as("nothing new to write").isEqualTo(entries);
    }

    @Test
    void expressionsFromTheCacheGiveTheSameValuesAsCelOnEveryExampleFinding() throws IOException {
        Path playbooks = playbooks();
        loadedThroughTheCache(playbooks);
        ExpressionCache cache = ExpressionCache.open(cacheFile(), FINGERPRINT);
        List<Expression> expressions = Playbooks.load(List.of(playbooks), cache).expressions();
        assertThat(cache.hits()).isGreaterThanOrEqualTo(expressions.size());
        assertThat(expressions).as("some run on the CEL interpreter, checked and planned when first evaluated")
                .anyMatch(e -> !e.compiledToLambdas());

        Intel intel = VigilConfig.load(Path.of("examples/vigil.yaml")).intel(new InMemoryHistory());
        for (Finding finding : exampleFindings()) {
            FindingScope scope = new FindingScope(finding, intel, Clock.systemUTC(), Duration.ofHours(24));
            for (Expression expression : expressions) {
                assertThat(expression.evaluate(scope)).as(expression.text() + " on " + finding.id())
                        .isEqualTo(expression.evaluateWithCel(scope));
            }
            intel.history().record(finding);
        }
    }

    @Test
    void everyExpressionThatRunsAsLambdasIsRememberedWithItsParsedTree() throws IOException {
        Path playbooks = playbooks();
        List<Expression> expressions = Playbooks.load(List.of(playbooks), ExpressionCache.open(cacheFile(), FINGERPRINT))
                .expressions();
        Set<String> notLambdas = new HashSet<>();
        for (Expression expression : expressions) {
            if (!expression.compiledToLambdas()) {
                notLambdas.add(ExpressionTreeText.escape(expression.text()));
            }
        }
        Set<String> withoutTree = new HashSet<>();
        for (String line : entries()) {
            String[] fields = line.split(" ");
            assertThat(fields.length).as(line).isGreaterThanOrEqualTo(4);
            if (fields.length == 4) {
                withoutTree.add(fields[3]);
            }
        }
        assertThat(notLambdas).isNotEmpty();
        assertThat(withoutTree).isEqualTo(notLambdas);
    }

    @Test
    void aKnownExpressionRunsFromItsRememberedTreeNotFromItsText() throws IOException {
        // a planted tree that says 443 where the text says 22: what runs is the tree
        Expression expression = knownWithTree("finding.port == 22", "c_==_ 2 .port vfinding i443");
        assertHoldsExactlyForPort(expression, 443);
    }

    @Test
    void aRememberedTreeThatDoesNotReadBackIsReplacedByParsingTheText() throws IOException {
        Expression expression = knownWithTree("finding.port == 22", "c_==_ 2 .port vfinding");
        assertThat(expression.compiledToLambdas()).isTrue();
        assertHoldsExactlyForPort(expression, 22);
    }

    /** The cache of the cache file after the playbooks were loaded through it (which saves what they taught it). */
    private ExpressionCache loadedThroughTheCache(Path playbooks) throws IOException {
        ExpressionCache cache = ExpressionCache.open(cacheFile(), FINGERPRINT);
        Playbooks.load(List.of(playbooks), cache);
        return cache;
    }

    /** The expression compiled with a cache that remembered it with {@code tree}, read back from the cache's file. */
    private Expression knownWithTree(String text, String tree) throws IOException {
        ExpressionCache first = ExpressionCache.open(cacheFile(), FINGERPRINT);
        first.remember(text, ExpressionCompiler.Expected.BOOL, tree);
        first.save();
        ExpressionCache known = ExpressionCache.open(cacheFile(), FINGERPRINT);
        Expression expression = compile(text, known);
        assertThat(known.hits()).isEqualTo(1);
        return expression;
    }

    /** The condition holds for the example findings on {@code port} and no others, and for at least one. */
    private static void assertHoldsExactlyForPort(Expression expression, int port) throws IOException {
        int matched = 0;
        for (Finding finding : exampleFindings()) {
            FindingScope scope = scope(finding);
            assertThat(expression.test(scope)).as(finding.id()).isEqualTo(scope.port() == port);
            matched += expression.test(scope) ? 1 : 0;
        }
        assertThat(matched).isPositive();
    }

    @Test
    void aLineChangedAfterItWasWrittenIsNotUsedAndTheExpressionIsCompiledInFull() throws IOException {
        Path playbooks = playbooks();
        ExpressionCache first = loadedThroughTheCache(playbooks);
        List<String> lines = Files.readAllLines(cacheFile());
        List<String> changed = new ArrayList<>();
        for (String line : lines) {
            changed.add(line.replace(" i22", " i23")); // a tree's constant, its CRC left as it was
        }
        assertThat(changed).isNotEqualTo(lines);
        Files.write(cacheFile(), changed);

        ExpressionCache damaged = ExpressionCache.open(cacheFile(), FINGERPRINT);
        List<Expression> expressions = Playbooks.load(List.of(playbooks), damaged).expressions();
        int unchanged = (int) changed.stream().filter(lines::contains).count() - 1;
        assertThat(damaged.hits()).isEqualTo(first.hits() + unchanged);
        for (Finding finding : exampleFindings()) {
            FindingScope scope = scope(finding);
            for (Expression expression : expressions) {
                assertThat(expression.evaluate(scope)).as(expression.text() + " on " + finding.id())
                        .isEqualTo(expression.evaluateWithCel(scope));
            }
        }
    }

    @Test
    void compilingAheadCompilesEveryDeferredExpressionOnAThreadOfItsOwn() throws Exception {
        Path playbooks = playbooks();
        loadedThroughTheCache(playbooks);
        Playbooks loaded = Playbooks.load(List.of(playbooks), ExpressionCache.open(cacheFile(), FINGERPRINT));
        List<Expression> expressions = loaded.expressions();
        assertThat(expressions).as("known to the cache: compiled when first evaluated").noneMatch(Expression::isCompiled);

        loaded.compileAhead();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!expressions.stream().allMatch(Expression::isCompiled) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(expressions).allMatch(Expression::isCompiled);
    }

    @Test
    void aChangedExpressionIsCheckedAgainAndItsErrorsAreReportedAsWithoutACache() throws IOException {
        Path playbooks = playbooks();
        loadedThroughTheCache(playbooks);
        Path file = playbooks.resolve("crypto-mining.yaml");
        Files.writeString(file, Files.readString(file).replace("when: account.environment == 'production'",
                "when: account.environment == 1"));

        List<PlaybookError> withoutCache = errors(playbooks, ExpressionCache.none());
        List<PlaybookError> withCache = errors(playbooks, ExpressionCache.open(cacheFile(), FINGERPRINT));

        assertThat(withCache).isEqualTo(withoutCache);
        assertThat(withCache).extracting(PlaybookError::toString).containsExactly(file + ":21:31: playbook_type_error:"
                + " rule \"production-account\": found no matching overload for '_==_' applied to '(string, int)'"
                + " (candidates: (%A0, %A0)) in \"account.environment == 1\"");
    }

    @Test
    void anExpressionIsKnownOnlyForWhatItWasCheckedToGive() {
        ExpressionCache cache = ExpressionCache.open(cacheFile(), FINGERPRINT);
        cache.remember("ip.matchedRange('threat-intel')", ExpressionCompiler.Expected.ANY, null);
        assertThat(cache.knows("ip.matchedRange('threat-intel')", ExpressionCompiler.Expected.ANY)).isTrue();
        assertThat(cache.knows("ip.matchedRange('threat-intel')", ExpressionCompiler.Expected.BOOL)).isFalse();
        assertThat(cache.knows("ip.matchedRange('tor-exits')", ExpressionCompiler.Expected.ANY)).isFalse();
    }

    @Test
    void entriesOfAnotherEnvironmentAreNotUsed() throws IOException {
        Path playbooks = playbooks();
        ExpressionCache first = loadedThroughTheCache(playbooks);

        int entries = entries().size();
        ExpressionCache rebuilt = ExpressionCache.open(cacheFile(), "jar 2\n" + ExpressionCompiler.instance().fingerprint());
        Playbooks.load(List.of(playbooks), rebuilt);
        assertThat(rebuilt.hits()).as("repeats within the load only").isEqualTo(first.hits());

        // both jars' entries are kept: each finds its own
        assertThat(entries()).hasSize(2 * entries);
        ExpressionCache again = ExpressionCache.open(cacheFile(), FINGERPRINT);
        Playbooks.load(List.of(playbooks), again);
        assertThat(again.hits()).isEqualTo(first.hits() + entries);
    }

    @Test
    void aCorruptCacheIsIgnoredAndRewritten() throws IOException {
        Path playbooks = playbooks();
        ExpressionCache first = loadedThroughTheCache(playbooks);
        List<String> lines = Files.readAllLines(cacheFile());
        List<String> corrupt = new ArrayList<>(lines.subList(0, 1));
        corrupt.add("0".repeat(64));                                  // an entry of no expression
        corrupt.add(lines.get(2).substring(0, 40));                   // a line cut short
        corrupt.add(lines.get(3).toUpperCase() + " trailing");        // not an entry
        corrupt.add("\u0000\u00ff binary");
        Files.write(cacheFile(), corrupt, StandardCharsets.ISO_8859_1);

        ExpressionCache damaged = ExpressionCache.open(cacheFile(), FINGERPRINT);
        List<Expression> expressions = Playbooks.load(List.of(playbooks), damaged).expressions();
        assertThat(damaged.hits()).as("repeats within the load only").isEqualTo(first.hits());
        assertThat(expressions).hasSizeGreaterThan(40);

        ExpressionCache rewritten = ExpressionCache.open(cacheFile(), FINGERPRINT);
        Playbooks.load(List.of(playbooks), rewritten);
        assertThat(rewritten.hits()).isEqualTo(first.hits() + lines.size() - 1);

        Files.write(cacheFile(), new byte[] {(byte) 0x1f, (byte) 0x8b, 0, 0, (byte) 0xff});
        ExpressionCache garbage = ExpressionCache.open(cacheFile(), FINGERPRINT);
        assertThat(Playbooks.load(List.of(playbooks), garbage).expressions()).hasSameSizeAs(expressions);
        assertThat(garbage.hits()).isEqualTo(first.hits());
    }

    @Test
    void aCacheThatCannotBeWrittenIsSkipped() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        ExpressionCache cache = ExpressionCache.open(notADirectory.resolve("expressions"), FINGERPRINT);
        assertThat(Playbooks.load(List.of(), cache).all()).isNotEmpty();
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void theCacheIsInTheUsersCacheDirectoryUnlessTurnedOff() {
        String fingerprint = ExpressionCompiler.instance().fingerprint();
        assertThat(ExpressionCache.standard(java.util.Map.of("XDG_CACHE_HOME", dir.toString()), "vigil.jar 1 2", fingerprint)
                .file()).isEqualTo(dir.resolve("vigil").resolve("expressions"));
        assertThat(ExpressionCache.standard(java.util.Map.of(), "vigil.jar 1 2", fingerprint).file())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "vigil", "expressions"));
        assertThat(ExpressionCache.standard(java.util.Map.of("XDG_CACHE_HOME", dir.toString(), "VIGIL_CACHE", "off"),
                "vigil.jar 1 2", fingerprint)).isSameAs(ExpressionCache.none());
        assertThat(ExpressionCache.standard(java.util.Map.of("XDG_CACHE_HOME", dir.toString()), null, fingerprint))
                .as("not run from a jar").isSameAs(ExpressionCache.none());
        assertThat(ExpressionCache.standard(fingerprint)).as("the tests run from classes").isSameAs(ExpressionCache.none());
    }

    private List<String> entries() throws IOException {
        List<String> lines = Files.readAllLines(cacheFile());
        assertThat(lines.get(0)).startsWith("# vigil:");
        return lines.subList(1, lines.size());
    }

    private static List<PlaybookError> errors(Path playbooks, ExpressionCache cache) {
        List<PlaybookError> errors = new ArrayList<>();
        assertThatThrownBy(() -> Playbooks.load(List.of(playbooks), cache)).isInstanceOfSatisfying(PlaybookException.class,
                e -> errors.addAll(e.errors()));
        return errors;
    }


    private static Expression compile(String text, ExpressionCache cache) {
        List<PlaybookError> errors = new ArrayList<>();
        Expression expression = ExpressionCompiler.instance().compile(YamlNode.Scalar.plain(new Place("<test>", 1, 1), text),
                "rule", ExpressionCompiler.Expected.BOOL, errors, cache).orElseThrow();
        assertThat(errors).isEmpty();
        return expression;
    }

    private static FindingScope scope(Finding finding) {
        Intel intel = VigilConfig.load(Path.of("examples/vigil.yaml")).intel(new InMemoryHistory());
        return new FindingScope(finding, intel, Clock.systemUTC(), Duration.ofHours(24));
    }

    private static List<Finding> exampleFindings() throws IOException {
        List<Finding> findings = new ArrayList<>();
        FindingReader.detecting().read(List.of("examples/findings"), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
        return findings;
    }
}
