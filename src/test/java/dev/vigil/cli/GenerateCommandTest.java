package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path folder;

    @Test
    void generateWritesTheRequestedNumberOfFindingsToTheOutputFile() throws IOException {
        Path output = folder.resolve("findings.ndjson");
        int exit = Main.run("generate", "--count", "25", "--seed", "7", "--output", output.toString());
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(25).allMatch(line -> line.startsWith("{\"schemaVersion\":\"2.0\""));
    }

    @Test
    void theFirstFindingIsAtTheStartGivenAndPascalCaseIsOneObjectPerLine() throws IOException {
        Path output = folder.resolve("pascal.ndjson");
        int exit = Main.run("generate", "--count", "5", "--format", "pascal", "--start", "2025-03-01T12:00:00Z",
                "--output", output.toString());
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(5).allMatch(line -> line.startsWith("{\"SchemaVersion\":\"2.0\""));
        assertThat(lines.get(0)).contains("\"UpdatedAt\":\"2025-03-01T12:0");
    }

    @Test
    void aStartThatIsNotAnInstantIsAUsageErrorThatShowsTheForm() {
        int exit = Main.run("generate", "--count", "1", "--start", "yesterday", "--output", folder.resolve("x").toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnknownFormatIsAUsageErrorThatNamesTheChoices() {
        int exit = Main.run("generate", "--count", "1", "--format", "yaml", "--output", folder.resolve("x").toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void benchParseCountsEveryRecordOfAGeneratedFile() throws IOException {
        Path output = folder.resolve("findings.ndjson");
        assertThat(Main.run("generate", "--count", "12", "--output", output.toString())).isZero();
        assertThat(Main.run("bench-parse", output.toString())).isZero();
    }
}
