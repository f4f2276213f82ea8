package dev.vigil.cli;

import dev.vigil.intel.VigilConfig;
import dev.vigil.intel.lists.ListRefresher;
import dev.vigil.intel.lists.ListSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil intel refresh}: downloads every list that has a url into its cache file. */
@Command(name = "refresh",
        mixinStandardHelpOptions = true,
        description = {"Download every list that has url: into its cache: file (triage only ever reads the cache).",
                "A download that does not load as its kind leaves the cache as it was. Exit 2 when a download fails.",
                "",
                "Example:",
                "  GITHUB_TOKEN=... vigil intel refresh --config vigil.yaml"})
public final class IntelRefreshCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "vigil.yaml")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VigilConfig vigilConfig = VigilConfig.load(config);
        List<ListSource> sources = vigilConfig.urlLists();
        if (sources.isEmpty()) {
            out.println("no list in " + config + " has a url: nothing to refresh");
            return ExitCodes.OK;
        }
        ListRefresher refresher = new ListRefresher(System.getenv());
        int failed = 0;
        for (ListSource source : sources) {
            ListRefresher.Outcome outcome = refresher.refresh(source);
            if (outcome.refreshed()) {
                out.printf("%s: %d entries, %d bytes saved to %s%n", source.name(), outcome.entries(), outcome.bytes(),
                        source.cache());
            } else {
                failed++;
                err.printf("vigil: %s: list %s: %s%n", source.place(), source.name(), outcome.problem());
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
