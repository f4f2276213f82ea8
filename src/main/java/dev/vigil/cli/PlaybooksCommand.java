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
     * picocli reads every one's annotations up front), only the one that runs when the arguments name it. The names
     * are those of their {@code @Command} (MainTest checks), so that finding the one named reads no annotation.
     */
    static final List<Main.Subcommand> SUBCOMMANDS = List.of(
            new Main.Subcommand("list", PlaybooksListCommand.class),
            new Main.Subcommand("check", PlaybooksCheckCommand.class),
            new Main.Subcommand("reference", PlaybooksReferenceCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
