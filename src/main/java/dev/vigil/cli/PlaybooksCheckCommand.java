package dev.vigil.cli;

import dev.vigil.playbook.PlaybookError;
import dev.vigil.playbook.PlaybookException;
import dev.vigil.playbook.Playbooks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil playbooks check [DIR...]}: every error of every file at once; exit 2 when any. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Check playbooks (with the bundled ones they add to or replace): every error of every file at once,"
                + " as file:line:column: code: message. Exit 2 when any playbook is invalid.",
        footerHeading = "%nExample:%n",
        footer = "  vigil playbooks check my-playbooks/")
final class PlaybooksCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Directories of playbook .yaml files; none: the bundled ones.")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PlaybookError> errors;
        try {
            // one load: parsing and compiling every expression is most of the command's time
            int count = Playbooks.load(dirs).all().size();
            out.println("ok: " + count + " playbooks valid" + (dirs.isEmpty() ? " (bundled)" : ""));
            out.flush();
            return ExitCodes.OK;
        } catch (PlaybookException invalid) {
            errors = invalid.errors();
        }
        errors.forEach(err::println);
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
        err.flush();
        return ExitCodes.USAGE;
    }
}
