package dev.vigil.cli;

import dev.vigil.cases.CaseId;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil cases note ID TEXT}: adds a note to the case's timeline. */
@Command(name = "note",
        mixinStandardHelpOptions = true,
        description = "Add a note to a case's timeline.",
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases note C-000012 \"owner confirms a new deploy pulls from GitHub over SSH\""})
final class CasesNoteCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "The note (words are joined with spaces).")
    List<String> text;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who writes it (default: $USER).")
    String actor;

    @Override
    public Integer call() {
        CaseId caseId = StoreOptions.orUsageError(() -> CaseId.parse(id));
        String note = text == null ? "" : String.join(" ", text);
        store.withStore(s -> {
            s.note(caseId, StoreOptions.actor(actor), note);
            return null;
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(caseId + ": note added");
        out.flush();
        return ExitCodes.OK;
    }
}
