package dev.vigil.cli;

import dev.vigil.cases.CaseStore;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil startup-training}: what the launcher ({@code ./vigil}) runs once after a build, under
 * {@code -XX:ArchiveClassesAtExit}, so that its class-data archive holds the classes of the commands people run, not
 * only triage's: a triage of the examples into a throw-away store, then {@code cases list}, {@code cases show} and
 * {@code metrics} on it, and {@code playbooks list}. With {@code --sqlite-library DIR} it also copies SQLite's native
 * library there, for {@code -Dorg.sqlite.lib.path=DIR}, and with {@code --zstd-library DIR} zstd-jni's, for
 * {@code -DZstdNativePath=DIR/libzstd-jni.so}. Hidden from {@code vigil --help}.
 */
@Command(name = "startup-training", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the commands the launcher's class-data archive is recorded from (the launcher does this after a build).")
final class StartupTrainingCommand implements Callable<Integer> {

    @Option(names = "--examples", paramLabel = "DIR", required = true, description = "The examples directory (findings/, vigil.yaml).")
    Path examples;

    @Option(names = "--db", paramLabel = "FILE", required = true, description = "A throw-away SQLite store.")
    Path db;

    @Option(names = "--sqlite-library", paramLabel = "DIR", description = "Copy SQLite's native library into DIR.")
    Path sqliteLibrary;

    @Option(names = "--zstd-library", paramLabel = "DIR",
            description = "Copy zstd-jni's native library into DIR (as libzstd-jni.so on Linux).")
    Path zstdLibrary;

    @Override
    public Integer call() {
        String store = db.toString();
        List<List<String>> commands = List.of(
                List.of("triage", examples.resolve("findings").toString(), "--config", examples.resolve("vigil.yaml").toString(),
                        "--db", store),
                List.of("cases", "list", "--db", store),
                List.of("cases", "list", "--severity", "medium", "--db", store),
                List.of("cases", "list", "--all", "--format", "json", "--db", store),
                List.of("cases", "show", "C-000001", "--db", store),
                List.of("cases", "show", "C-000001", "--format", "json", "--db", store),
                List.of("metrics", "--since", "3650d", "--db", store),
                List.of("playbooks", "list"));
        for (List<String> command : commands) {
            String[] args = command.toArray(String[]::new);
            CommandLine commandLine = Main.commandLine(args);
            PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
            commandLine.setOut(nowhere);
            commandLine.setErr(nowhere);
            int exit = commandLine.execute(args);
            if (exit != ExitCodes.OK) {
                throw new IllegalStateException("vigil " + String.join(" ", command) + " exited with " + exit);
            }
        }
        if (sqliteLibrary != null) {
            CaseStore.copySqliteLibrary(sqliteLibrary);
        }
        if (zstdLibrary != null) {
            CaseStore.copyZstdLibrary(zstdLibrary);
        }
        return ExitCodes.OK;
    }
}
