package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import dev.vigil.triage.TriageEngine;
import dev.vigil.triage.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil triage}: a verdict for every finding, the way the playbooks say, and why. */
@Command(name = "triage",
        mixinStandardHelpOptions = true,
        description = {
                "Triage GuardDuty findings with the playbooks: a disposition (false_positive, acknowledged, expected,"
                        + " investigate, escalate), a severity (high, medium, low), the rules that decided, the runbook's"
                        + " questions answered, and the next steps, for every finding.",
                "Findings are decided in input order. Every finding is stored with its verdict in the case store"
                        + " (--db, default ~/.local/share/vigil/vigil.db; see docs/cases.md), where the findings that are not"
                        + " suppressed open or join cases (`vigil cases list`); \"seen before\" then means earlier in the"
                        + " input or in the store. With --no-store nothing is stored and \"seen before\" means earlier in"
                        + " the input. A summary counting findings per disposition and severity is printed on stderr."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  ./vigil triage examples/findings --config examples/vigil.yaml",
                "  ./vigil triage export.ndjson.gz --config vigil.yaml --format ndjson > verdicts.ndjson",
                "  ./vigil triage finding.json --explain",
                "  ./vigil triage finding.json --format markdown   # paste into a GitHub issue",
                "  ./vigil triage export.ndjson --db /srv/vigil/vigil.db && ./vigil cases list --db /srv/vigil/vigil.db",
                "  ./vigil triage finding.json --no-store"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every record accepted and triaged",
                "1:internal error",
                "2:usage or configuration error (config, playbooks, an INPUT that does not exist)",
                "3:some records rejected, the rest triaged"})
public final class TriageCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Option(names = "--config", paramLabel = "FILE",
            description = "vigil.yaml: IP lists, account directory, ports, history window (see docs/configuration.md)."
                    + " Without it only the bundled known hosts and default ports are known; the rest is answered unknown.")
    Path config;

    @Option(names = "--playbooks", paramLabel = "DIR",
            description = "A directory of playbooks adding to or replacing the bundled ones by id (repeatable).")
    List<Path> playbookDirs = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (in any case). Default: ${DEFAULT-VALUE}.")
    VerdictFormat verdictFormat;

    @Option(names = "--explain", description = "Add the trace per finding: every rule that fired with its evidence, every"
            + " question with its answer (in json/ndjson: each question's text, and the checklist).")
    boolean explain;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Decide as of this date (YYYY-MM-DD) instead of today: which suppressions have expired.")
    String asOf;

    @Mixin
    TriageStoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // reading and parsing run on a thread of their own, output on another; triage stays on this one, in input order.
        // The reader starts first and reads ahead while the playbooks, the config and the store load on this thread;
        // not with --rejects, whose file gets the rejected records as they are read: only a run that starts reads them.
        Supplier<ReadAhead.Started<ReadSummary>> start =
                () -> ReadAhead.start(sink -> input.readAll(sink, err), readAheadBudget());
        if (input.keepsRejects()) {
            return triage(start, out, err);
        }
        ReadAhead.Started<ReadSummary> early = start.get();
        try {
            return triage(() -> early, out, err);
        } catch (RuntimeException | Error e) {
            early.cancel();
            throw e;
        }
    }

    private int triage(Supplier<ReadAhead.Started<ReadSummary>> reader, PrintWriter out, PrintWriter err) {
        // the config, the store and the IP lists load on a thread of their own while this one loads the playbooks (a
        // store's schema check and the playbooks' YAML each take a tenth of a second or more on a fresh JVM)
        CompletableFuture<Surroundings> loading = CompletableFuture.supplyAsync(this::surroundings, TriageCommand::onStartThread);
        Playbooks playbooks;
        try {
            playbooks = PlaybooksListCommand.load(playbookDirs);
        } catch (RuntimeException | Error e) {
            loading.thenAccept(loaded -> loaded.storage().close()).exceptionally(failure -> null).join();
            throw e;
        }
        playbooks.compileAhead();
        Surroundings loaded = joined(loading);
        VigilConfig vigilConfig = loaded.config();
        try (TriageStorage storage = loaded.storage()) {
            Intel intel = loaded.intel();
            // a stored verdict carries the checklist: it becomes the checklist of the case the finding opens
            boolean checklists = storage.stores() || explain && verdictFormat != VerdictFormat.TABLE;
            TriageEngine engine = new TriageEngine(playbooks, intel, clock(asOf), vigilConfig.historyWindow(), checklists);
            VerdictWriter writer = new WriteBehind(verdictFormat.writer(out, explain));
            TriageTally tally = new TriageTally();
            ReadSummary summary = reader.get().consume(new FindingSink() {
                @Override
                public void accept(Finding finding) {
                    Verdict verdict = engine.triage(finding);
                    storage.record(finding, verdict);
                    tally.add(verdict);
                    writer.write(finding, verdict);
                }

                @Override
                public void reject(Rejection rejection) {
                }
            });
            // the reading summary only once every finding is triaged: a run that fails to start says nothing of reading
            err.println(summary.line());
            writer.finish();
            err.println(tally.line());
            tally.errors().forEach(err::println);
            if (storage.history() instanceof InMemoryHistory inMemory && inMemory.saturated()) {
                err.println("vigil: the in-memory history reached its bound; later \"seen before\" answers may miss findings");
            }
            storage.finish(err);
            err.flush();
            return summary.rejected() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
        }
    }

    /** The config, the store it names (or the one chosen by the options) and the intel over the store's history. */
    private record Surroundings(VigilConfig config, TriageStorage storage, Intel intel) {
    }

    private Surroundings surroundings() {
        VigilConfig vigilConfig = config == null ? VigilConfig.defaults() : VigilConfig.load(config);
        TriageStorage storage = store.open(vigilConfig.storeUrl());
        try {
            return new Surroundings(vigilConfig, storage, vigilConfig.intel(storage.history()));
        } catch (RuntimeException | Error e) {
            storage.close();
            throw e;
        }
    }

    /** Runs a start-up task on a daemon thread of its own, beside the playbooks loading on this one. */
    private static void onStartThread(Runnable task) {
        Thread thread = new Thread(task, "vigil-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The loaded value, or the loading's own exception (a configuration error keeps its exit code). */
    private static <T> T joined(CompletableFuture<T> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** What the reader may hold ahead of triage while it starts: an eighth of the heap (128 MB of the launcher's 1 GB). */
    private static long readAheadBudget() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    private static Clock clock(String asOf) {
        if (asOf == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(LocalDate.parse(asOf.trim()).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ExitCodes.ConfigurationException("--as-of " + asOf + " is not a date: write it as YYYY-MM-DD, e.g. 2027-07-01");
        }
    }
}
