package dev.vigil.cli;

import dev.vigil.intel.PortKnowledge;
import dev.vigil.intel.VigilConfig;
import dev.vigil.intel.accounts.LoadedAccounts;
import dev.vigil.intel.geo.MaxMindOrganizations;
import dev.vigil.intel.lists.IpList;
import dev.vigil.intel.lists.LoadedIpLists;
import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.Place;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil intel check}: loads everything the config names and reports it, or every error at once (exit 2). */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Load every list, the account directory and the ASN database; print what was loaded.",
                "Exit 2 with every error (file:line) when something is invalid.",
                "",
                "Example:",
                "  vigil intel check --config examples/vigil.yaml"})
public final class IntelCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "vigil.yaml (default: none, the bundled defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VigilConfig vigilConfig = config == null ? VigilConfig.defaults() : VigilConfig.load(config);
        ConfigErrors errors = new ConfigErrors();
        long started = System.nanoTime();
        LoadedIpLists lists = vigilConfig.loadLists(errors);
        long listNanos = System.nanoTime() - started;
        LoadedAccounts accounts = vigilConfig.loadAccounts(errors);
        String asn = "none configured";
        if (vigilConfig.asnDatabase() != null) {
            asn = "not loaded (see the errors below)";
            try {
                MaxMindOrganizations.open(vigilConfig.asnDatabase());
                asn = vigilConfig.asnDatabase().toString();
            } catch (IOException e) {
                errors.add(Place.of(String.valueOf(vigilConfig.file())), "asn_database_unreadable", "geoip asn-database "
                        + vigilConfig.asnDatabase() + " cannot be opened (" + e.getMessage() + ")");
            }
        }
        out.println("config: " + (vigilConfig.file() == null ? "none (bundled defaults)" : vigilConfig.file()));
        out.printf("%-16s %-14s %10s %10s %8s %9s  %s%n", "LIST", "KIND", "ENTRIES", "IPV4", "IPV6", "LOAD", "SOURCE");
        for (IpList list : lists.lists()) {
            out.printf("%-16s %-14s %10d %10d %8d %7dms  %s%n", list.name(), list.kind(), list.size(), list.v4Count(),
                    list.v6Count(), list.loadTime().toMillis(), shown(list.source()));
        }
        out.printf("lists: %d loaded in %d ms%n", lists.lists().size(), listNanos / 1_000_000);
        out.println("accounts: " + (accounts == null ? "no account directory configured"
                : accounts.size() + " from " + vigilConfig.accounts()));
        PortKnowledge ports = vigilConfig.ports();
        out.println("ports: standard " + new TreeSet<>(ports.standard()) + ", exploitation "
                + new TreeSet<>(ports.exploitation()));
        out.println("asn database: " + asn);
        out.println("history window: " + vigilConfig.historyWindow().toString().substring(2).toLowerCase());
        out.flush();
        errors.throwIfAny();
        return ExitCodes.OK;
    }

    /** A source path relative to the current folder when it is inside it. */
    private static String shown(String source) {
        try {
            Path path = Path.of(source);
            Path here = Path.of("").toAbsolutePath();
            return path.isAbsolute() && path.startsWith(here) ? here.relativize(path).toString() : source;
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }
}
