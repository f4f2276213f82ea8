package dev.vigil.cli;

import dev.vigil.playbook.PlaybookReference;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil playbooks reference}: the variables and functions playbook expressions can use, as Markdown. */
@Command(name = "reference",
        mixinStandardHelpOptions = true,
        description = "Print the reference of the variables and functions playbook expressions can use (Markdown,"
                + " generated from Vigil's registry; docs/playbook-reference.md is this output).",
        footerHeading = "%nExample:%n",
        footer = "  vigil playbooks reference > docs/playbook-reference.md")
final class PlaybooksReferenceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(PlaybookReference.markdown());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
