package dev.vigil.intel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shared corpus of public reference data ({@code ../shared/corpus} next to the repository, as CI lays it out;
 * {@code ../../shared/corpus} from a worktree; or {@code -Dvigil.corpus=DIR}). Tests that need it skip, saying so,
 * when it is absent.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus file at {@code relative}; the calling test is skipped with a message when it is not there. */
    public static Path file(String relative) {
        Path found = Stream.of(System.getProperty("vigil.corpus"), "../shared/corpus", "../../shared/corpus")
                .filter(dir -> dir != null)
                .map(dir -> Path.of(dir).resolve(relative))
                .filter(Files::exists)
                .findFirst().orElse(null);
        assumeTrue(found != null, () -> "skipped: corpus file " + relative
                + " not found under ../shared/corpus (the shared corpus is not next to this checkout)");
        return found;
    }
}
