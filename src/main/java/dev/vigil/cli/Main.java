package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: one subcommand per class in this package. */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Triage AWS GuardDuty findings the way your runbooks say, and carry out the response.",
        subcommands = {
                CommandLine.HelpCommand.class,
                FindingsCommand.class,
                IntelCommand.class,
                TriageCommand.class,
                PlaybooksCommand.class,
                CasesCommand.class,
                MetricsCommand.class,
                GenerateCommand.class,
                BenchParseCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every record accepted",
                "1:internal error",
                "2:usage or configuration error",
                "3:some records rejected, the rest processed"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(Stdout.current());
        // --format ndjson, --state investigating: enum options are written in lower case
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ExitCodes.ErrorHandler());
        commandLine.setExitCodeExceptionMapper(ExitCodes::forException);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
