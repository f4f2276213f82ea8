package dev.vigil.cli;

import dev.vigil.cases.CaseDetail;
import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseMarkdown;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil cases export ID --format markdown}: a body ready for a GitHub issue. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Export a case as the body of a GitHub issue (the runbook tracks unanswered findings in one).",
                "The suggested issue title is printed on stderr."},
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases export C-000012 --format markdown > body.md",
                "  gh issue create --title \"$(vigil cases export 12 2>&1 >/dev/null)\" --body-file body.md"})
final class CasesExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown (the default).")
    String format;

    @Override
    public Integer call() {
        Formats.check(format, "markdown");
        CaseId caseId = StoreOptions.orUsageError(() -> CaseId.parse(id));
        CaseDetail detail = store.withStore(s -> s.show(caseId));
        PrintWriter out = spec.commandLine().getOut();
        out.print(CaseMarkdown.body(detail));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(CaseMarkdown.title(detail.summary()));
        err.flush();
        return ExitCodes.OK;
    }
}
