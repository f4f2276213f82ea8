package dev.vigil.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil playbooks list|check|reference}. */
@Command(name = "playbooks",
        mixinStandardHelpOptions = true,
        description = "List, check and document the playbooks triage uses.",
        footerHeading = "%nExamples:%n",
        footer = {"  vigil playbooks list --playbooks my-playbooks/",
                "  vigil playbooks check my-playbooks/",
                "  vigil playbooks reference > docs/playbook-reference.md"})
public final class PlaybooksCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them; {@link Main} adds them (not the annotation, with which
     * picocli reads every one's annotations up front), only the one that runs when the arguments name it.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PlaybooksListCommand.class, PlaybooksCheckCommand.class, PlaybooksReferenceCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
