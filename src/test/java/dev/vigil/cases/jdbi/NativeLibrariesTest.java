package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    @TempDir
    Path directory;

    @Test
    void zstdsLibraryIsCopiedUnderThePlatformsNameForIt() throws IOException {
        Path copied = Blobs.copyZstdLibrary(directory.resolve("zstd-native"));

        assertThat(copied).isEqualTo(directory.resolve("zstd-native").resolve(System.mapLibraryName("zstd-jni")));
        assertThat(Files.size(copied)).isGreaterThan(100_000);
        try (var left = Files.list(copied.getParent())) {
            assertThat(left).as("no partial copy is left behind").containsExactly(copied);
        }
    }

    @Test
    void copyingAgainReplacesTheCopy() throws IOException {
        Path first = Blobs.copyZstdLibrary(directory);
        long size = Files.size(first);

        assertThat(Blobs.copyZstdLibrary(directory)).isEqualTo(first);
        assertThat(Files.size(first)).isEqualTo(size);
    }
}
