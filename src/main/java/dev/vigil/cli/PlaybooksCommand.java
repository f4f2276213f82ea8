package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil playbooks list|check|reference}. */
@Command(name = "playbooks",
        mixinStandardHelpOptions = true,
        description = "List, check and document the playbooks triage uses.",
        subcommands = {PlaybooksListCommand.class, PlaybooksCheckCommand.class, PlaybooksReferenceCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vigil playbooks list --playbooks my-playbooks/",
                "  vigil playbooks check my-playbooks/",
                "  vigil playbooks reference > docs/playbook-reference.md"})
public final class PlaybooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
