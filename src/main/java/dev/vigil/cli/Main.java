package dev.vigil.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: one subcommand per class in this package. */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Triage AWS GuardDuty findings the way your runbooks say, and carry out the response.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every record accepted",
                "1:internal error",
                "2:usage or configuration error",
                "3:some records rejected, the rest processed"})
public final class Main implements Runnable {

    /**
     * A subcommand's class and its name, the one its {@code @Command} gives it (MainTest checks): finding the subcommand
     * the arguments name then reads no annotation (reading the ten top-level ones took ~8% of a short command).
     */
    record Subcommand(String name, Class<?> type) {
    }

    /** The subcommands, in the order {@code vigil --help} lists them. */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("help", CommandLine.HelpCommand.class),
            new Subcommand("findings", FindingsCommand.class),
            new Subcommand("intel", IntelCommand.class),
            new Subcommand("triage", TriageCommand.class),
            new Subcommand("playbooks", PlaybooksCommand.class),
            new Subcommand("cases", CasesCommand.class),
            new Subcommand("metrics", MetricsCommand.class),
            new Subcommand("generate", GenerateCommand.class),
            new Subcommand("bench-parse", BenchParseCommand.class),
            new Subcommand("startup-training", StartupTrainingCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        deferLogging();
        if (args.length > 0 && (args[0].equals("cases") || args[0].equals("metrics"))) {
            compatLocaleData();
        }
        System.exit(run(args));
    }

    /**
     * For the short store commands on JDK 17 to 20: the JDK's own locale data instead of CLDR's. SQLite's driver makes a
     * date format at its first connection, and CLDR's adapter then builds the set of every locale it knows (~15 ms of a
     * ~185 ms {@code cases show}); these commands format nothing by locale (their text is padded by hand, times are
     * ISO-8601). From JDK 21 on, COMPAT prints a deprecation warning, so it is left alone there, as it is when
     * {@code -Djava.locale.providers} is given.
     */
    static void compatLocaleData() {
        if (Runtime.version().feature() <= 20 && System.getProperty("java.locale.providers") == null) {
            System.setProperty("java.locale.providers", "COMPAT");
        }
    }

    /**
     * Makes SLF4J use {@link DeferredLogging}, which sets logback up only when something is logged, unless another
     * provider was chosen with {@code -Dslf4j.provider}. SLF4J reports the choice at its info level; its warnings and
     * errors still show.
     */
    static void deferLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", DeferredLogging.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /** Runs the command line and returns the exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line, every subcommand included. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /** The subcommands of the subcommands that have some, in the order their {@code --help} lists them. */
    static final Map<Class<?>, List<Subcommand>> NESTED = Map.of(
            CasesCommand.class, CasesCommand.SUBCOMMANDS,
            IntelCommand.class, IntelCommand.SUBCOMMANDS,
            PlaybooksCommand.class, PlaybooksCommand.SUBCOMMANDS);

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that subcommand is built
     * (picocli reads every subcommand's annotations up front, a good part of a short command's start), and of its
     * own subcommands only the one the next argument names (the others are there by name only); otherwise (help,
     * --version, a mistyped name that picocli suggests a fix for) all of them.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && !args[0].equals("help")) {
            for (Subcommand subcommand : SUBCOMMANDS) {
                if (subcommand.name().equals(args[0])) {
                    return commandLine(List.of(subcommand), args.length > 1 ? args[1] : null);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Subcommand> subcommands) {
        return commandLine(subcommands, null);
    }

    /** The command line with {@code subcommands}; of their own subcommands, the one named {@code only} if there is one. */
    private static CommandLine commandLine(List<Subcommand> subcommands, String only) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Subcommand subcommand : subcommands) {
            CommandLine added = new CommandLine(subcommand.type());
            List<Subcommand> nested = NESTED.getOrDefault(subcommand.type(), List.of());
            boolean named = nested.stream().anyMatch(candidate -> candidate.name().equals(only));
            for (Subcommand subsubcommand : nested) {
                if (!named || subsubcommand.name().equals(only)) {
                    added.addSubcommand(subsubcommand.name(), subsubcommand.type());
                } else {
                    // by name only: building it would read its annotations, and it does not run
                    added.addSubcommand(subsubcommand.name(), CommandLine.Model.CommandSpec.create());
                }
            }
            commandLine.addSubcommand(added);
        }
        // after the subcommands are added: setOut reaches the ones already there
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
