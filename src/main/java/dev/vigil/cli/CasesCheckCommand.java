package dev.vigil.cli;

import dev.vigil.cases.CaseId;
import dev.vigil.cases.ChecklistItem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil cases check ID STEP}: checks off a step of the case's checklist. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Check off a step of a case's checklist (by its id or number, as `vigil cases show` lists them), "
                + "with a note; recorded on the timeline.",
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases check C-000012 snapshot-instance --note \"snap-0123456789abcdef0\"",
                "  vigil cases check 12 4"})
final class CasesCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    @Parameters(index = "1", paramLabel = "STEP", description = "The step id (e.g. snapshot-instance) or its number.")
    String step;

    @Option(names = "--note", paramLabel = "TEXT", description = "What was done, for the checklist and the timeline.")
    String note;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who did it (default: $USER).")
    String actor;

    @Override
    public Integer call() {
        CaseId caseId = StoreOptions.orUsageError(() -> CaseId.parse(id));
        ChecklistItem item = store.withStore(s -> s.check(caseId, step, StoreOptions.actor(actor), note));
        PrintWriter out = spec.commandLine().getOut();
        out.println(caseId + ": [x] " + item.position() + ". " + item.stepId() + " (" + item.phase() + ") checked off by "
                + item.doneBy());
        out.flush();
        return ExitCodes.OK;
    }
}
