package dev.vigil.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil intel}: the enrichment data (IP lists, account directory, ASN database). */
@Command(name = "intel",
        mixinStandardHelpOptions = true,
        description = {"Check, refresh and query the enrichment data vigil.yaml names: IP lists, account directory, ASN database.",
                "",
                "Examples:",
                "  vigil intel check --config examples/vigil.yaml",
                "  vigil intel lookup 140.82.112.4 --config examples/vigil.yaml",
                "  vigil intel refresh --config vigil.yaml"})
public final class IntelCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them; {@link Main} adds them (not the annotation, with which
     * picocli reads every one's annotations up front), only the one that runs when the arguments name it. The names
     * are those of their {@code @Command} (MainTest checks), so that finding the one named reads no annotation.
     */
    static final List<Main.Subcommand> SUBCOMMANDS = List.of(
            new Main.Subcommand("check", IntelCheckCommand.class),
            new Main.Subcommand("lookup", IntelLookupCommand.class),
            new Main.Subcommand("refresh", IntelRefreshCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
