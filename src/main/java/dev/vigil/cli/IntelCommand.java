package dev.vigil.cli;

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
                "  vigil intel refresh --config vigil.yaml"},
        subcommands = {IntelCheckCommand.class, IntelLookupCommand.class, IntelRefreshCommand.class})
public final class IntelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
