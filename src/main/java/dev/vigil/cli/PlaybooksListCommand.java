package dev.vigil.cli;

import dev.vigil.playbook.Playbook;
import dev.vigil.playbook.PlaybookException;
import dev.vigil.playbook.Playbooks;
import dev.vigil.playbook.TypePattern;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil playbooks list}: id, version, covers and source of every playbook in force. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the playbooks in force: the bundled ones, with those in --playbooks directories added or"
                + " replacing bundled ones by id.",
        footerHeading = "%nExample:%n",
        footer = "  vigil playbooks list --playbooks my-playbooks/")
final class PlaybooksListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--playbooks", paramLabel = "DIR", description = "A directory of playbook .yaml files (repeatable).")
    List<Path> playbookDirs = new ArrayList<>();

    @Override
    public Integer call() {
        Playbooks playbooks = load(playbookDirs);
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "VERSION", "COVERS", "SOURCE"});
        for (Playbook playbook : playbooks.all()) {
            String covers = playbook.global() ? "(every finding, first)"
                    : playbook.covers().stream().map(TypePattern::text).collect(Collectors.joining(", "));
            rows.add(new String[] {playbook.id(), playbook.version(), covers, playbook.source()});
        }
        Table.print(rows, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** Loads playbooks, turning every playbook error into one configuration error (exit 2). */
    static Playbooks load(List<Path> dirs) {
        try {
            return Playbooks.load(dirs);
        } catch (PlaybookException e) {
            throw new ExitCodes.ConfigurationException("the playbooks are invalid (" + e.errors().size() + " errors):\n"
                    + e.getMessage());
        }
    }
}
