package dev.vigil.cli;

import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseState;
import dev.vigil.cases.CaseSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil cases move ID STATE}: the next lifecycle state, or closed as a false positive from any state. */
@Command(name = "move",
        mixinStandardHelpOptions = true,
        description = {"Move a case to its next state: open -> investigating -> contained -> eradicated -> recovered -> closed.",
                "Close it as a false positive from any state with `closed --false-positive` (or STATE false-positive).",
                "The move is recorded on the timeline with the time, the actor and the note."},
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases move C-000012 investigating --note \"asked #payments about it\"",
                "  vigil cases move C-000012 contained --note \"isolation security group applied\" --actor alice",
                "  vigil cases move C-000012 closed --false-positive --note \"Flux pulling from GitHub\""})
final class CasesMoveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    @Parameters(index = "1", paramLabel = "STATE",
            description = "investigating, contained, eradicated, recovered, closed, or false-positive.")
    String state;

    @Option(names = "--false-positive", description = "Close as a false positive (allowed from any state).")
    boolean falsePositive;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the timeline.")
    String note;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who moves it (default: $USER).")
    String actor;

    @Override
    public Integer call() {
        CaseId caseId = StoreOptions.orUsageError(() -> CaseId.parse(id));
        String wanted = state.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        boolean asFalsePositive = falsePositive || wanted.equals("false-positive");
        CaseState target = wanted.equals("false-positive") ? CaseState.CLOSED
                : StoreOptions.orUsageError(() -> CaseState.parse(state));
        CaseSummary moved = store.withStore(s -> s.move(caseId, target, asFalsePositive,
                StoreOptions.actor(actor), note));
        PrintWriter out = spec.commandLine().getOut();
        out.println(moved.id() + " is now " + moved.state().id()
                + (moved.resolution() == null ? "" : " (" + moved.resolution() + ")"));
        out.flush();
        return ExitCodes.OK;
    }
}
