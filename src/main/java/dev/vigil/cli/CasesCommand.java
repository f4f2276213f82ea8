package dev.vigil.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil cases}: the cases opened by triaged findings, their lifecycle, checklist and timeline. */
@Command(name = "cases",
        mixinStandardHelpOptions = true,
        description = {"Work the cases that triaged findings opened: list, show, move through the lifecycle "
                + "(open -> investigating -> contained -> eradicated -> recovered -> closed), check off steps, add notes, export."},
        footerHeading = "%nExamples:%n",
        footer = {"  vigil cases list --state open --severity high",
                "  vigil cases show C-000012",
                "  vigil cases move C-000012 investigating --note \"asked #payments\"",
                "  vigil cases check C-000012 snapshot-instance --note snap-0abc",
                "  vigil cases export C-000012 --format markdown > issue.md"})
public final class CasesCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them; {@link Main} adds them (not the annotation, with which
     * picocli reads every one's annotations up front), only the one that runs when the arguments name it. The names
     * are those of their {@code @Command} (MainTest checks), so that finding the one named reads no annotation.
     */
    static final List<Main.Subcommand> SUBCOMMANDS = List.of(
            new Main.Subcommand("list", CasesListCommand.class),
            new Main.Subcommand("show", CasesShowCommand.class),
            new Main.Subcommand("move", CasesMoveCommand.class),
            new Main.Subcommand("check", CasesCheckCommand.class),
            new Main.Subcommand("note", CasesNoteCommand.class),
            new Main.Subcommand("export", CasesExportCommand.class));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
