package dev.vigil.cli;

import dev.vigil.cases.CaseId;
import dev.vigil.cases.CaseStore;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What every {@code vigil cases} command on one case shares: the case ID (the first parameter), the store options
 * ({@code --db}, {@code --config}) and the command's output.
 */
final class CaseOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The case id, e.g. C-000012 or 12.")
    String id;

    /** The case id; one that is not a case id is a usage error (exit 2). */
    CaseId caseId() {
        return StoreOptions.orUsageError(() -> CaseId.parse(id));
    }

    /** Opens the store, runs {@code work} with it and closes it; store errors are usage errors (exit 2). */
    <T> T withStore(Function<CaseStore, T> work) {
        return store.withStore(work);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
