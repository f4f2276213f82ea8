package dev.vigil.cli;

import dev.vigil.cases.CaseFilter;
import dev.vigil.cases.CaseState;
import dev.vigil.cases.CaseSummary;
import dev.vigil.cases.CaseText;
import dev.vigil.finding.Json;
import dev.vigil.triage.Level;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil cases list}: the cases, most severe and most recently seen first. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List cases, most severe and most recently seen first. Without --state: every case that is not closed.",
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases list", "  vigil cases list --state investigating --severity high",
                "  vigil cases list --all --limit 200 --format json"})
final class CasesListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Option(names = "--state", paramLabel = "STATE", description = "Only cases in this state: ${COMPLETION-CANDIDATES}.",
            completionCandidates = States.class)
    String state;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only cases of this severity: high, medium, low.")
    String severity;

    @Option(names = "--all", description = "Include closed cases.")
    boolean all;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N cases (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        CaseState wantedState = state == null ? null : StoreOptions.orUsageError(() -> CaseState.parse(state));
        Level wantedSeverity = severity == null ? null : parseSeverity(severity);
        if (limit < 1) {
            throw new ExitCodes.ConfigurationException("--limit must be at least 1, was " + limit);
        }
        Formats.check(format, "table", "json");
        List<CaseSummary> cases = store.withStore(s -> s.list(new CaseFilter(wantedState, all, wantedSeverity, limit)));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(cases));
        } else {
            CaseText.list(cases, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static Level parseSeverity(String text) {
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.ConfigurationException("--severity \"" + text + "\" is not a severity; use high, medium or low");
        }
    }

    static final class States implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CaseState.ids().iterator();
        }
    }
}
