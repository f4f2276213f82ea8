package dev.vigil.cli;

import dev.vigil.cases.CaseDetail;
import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseText;
import dev.vigil.finding.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil cases show ID}: summary, facts, verdict explanation, checklist, metrics and timeline of one case. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one case: summary, facts, the verdict's rules with evidence and the runbook's questions, "
                + "the checklist by phase, its metrics, its findings and its timeline.",
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases show C-000012", "  vigil cases show 12 --format json"})
final class CasesShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() throws Exception {
        Formats.check(format, "text", "json");
        CaseId caseId = StoreOptions.orUsageError(() -> CaseId.parse(id));
        CaseDetail detail = store.withStore(s -> s.show(caseId));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(detail));
        } else {
            CaseText.show(detail, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
