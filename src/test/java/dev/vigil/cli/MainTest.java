package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path directory;

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        CommandLine commandLine = Main.commandLine("cases", "list", "--db", "x.db");

        assertThat(commandLine.getSubcommands()).containsOnlyKeys("cases");
        assertThat(commandLine.getSubcommands().get("cases").getSubcommands()).containsKeys("list", "show");
    }

    @Test
    void ofANamedSubcommandsOwnSubcommandsOnlyTheNamedOneIsBuiltTheOthersAreNamed() {
        CommandLine cases = Main.commandLine("cases", "list", "--db", "x.db").getSubcommands().get("cases");

        assertThat(cases.getSubcommands()).containsKeys("list", "show", "move", "check", "note", "export");
        assertThat(cases.getSubcommands().get("list").getCommandSpec().findOption("--db")).isNotNull();
        assertThat(cases.getSubcommands().get("show").getCommandSpec().options()).isEmpty();
    }

    @Test
    void withoutANamedSubcommandsOwnSubcommandEachIsBuilt() {
        for (String[] args : new String[][] {{"cases"}, {"cases", "--help"}, {"cases", "lst"}}) {
            CommandLine cases = Main.commandLine(args).getSubcommands().get("cases");

            assertThat(cases.getSubcommands().values())
                    .allSatisfy(subcommand -> assertThat(subcommand.getCommandSpec().findOption("--db")).isNotNull());
        }
    }

    @Test
    void theSubcommandsAreListedUnderTheNamesOfTheirCommandAnnotations() {
        List<Main.Subcommand> all = new ArrayList<>(Main.SUBCOMMANDS);
        Main.NESTED.values().forEach(all::addAll);

        assertThat(all).hasSize(10 + 6 + 3 + 3).allSatisfy(subcommand -> assertThat(subcommand.name())
                .isEqualTo(subcommand.type().getAnnotation(CommandLine.Command.class).name()));
    }

    @Test
    void helpVersionAndUnknownNamesGetEverySubcommand() {
        int all = Main.commandLine().getSubcommands().size();

        assertThat(Main.commandLine("help", "cases").getSubcommands()).hasSize(all);
        assertThat(Main.commandLine("--version").getSubcommands()).hasSize(all);
        assertThat(Main.commandLine().getSubcommands()).containsKeys("triage", "cases", "metrics", "playbooks");
        assertThat(Main.commandLine("case", "list").getSubcommands()).hasSize(all);
    }

    @Test
    void aMistypedSubcommandStillGetsASuggestion() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine("case", "list");
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("case", "list")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched arguments").contains("cases");
    }

    @Test
    void theStartupTrainingRunsTheShortCommandsAndCopiesSqlitesLibrary() throws Exception {
        Path library = directory.resolve("sqlite-native");

        int exit = Main.run("startup-training", "--examples", Path.of("examples").toAbsolutePath().toString(),
                "--db", directory.resolve("training.db").toString(), "--sqlite-library", library.toString());

        assertThat(exit).isZero();
        try (var files = Files.list(library)) {
            assertThat(files.map(file -> file.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).contains("sqlitejdbc"));
        }
    }
}
