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

    @CommandLine.Mixin
    CaseOptions caseOptions;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "The note (words are joined with spaces).")
    List<String> text;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who writes it (default: $USER).")
    String actor;

    @Override
    public Integer call() {
        CaseId caseId = caseOptions.caseId();
        String note = text == null ? "" : String.join(" ", text);
        caseOptions.withStore(s -> {
            s.note(caseId, StoreOptions.actor(actor), note);
            return null;
        });
        PrintWriter out = caseOptions.out();
        out.println(caseId + ": note added");
        out.flush();
        return ExitCodes.OK;
    }
}
