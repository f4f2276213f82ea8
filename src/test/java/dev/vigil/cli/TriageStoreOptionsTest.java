package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cases.CaseStore;
import dev.vigil.cases.StoreHistory;
import dev.vigil.cases.StoreLocation;
import dev.vigil.intel.InMemoryHistory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The store options as vigil triage takes them: store by default or in --db, or --no-store. */
class TriageStoreOptionsTest {

    @TempDir
    Path directory;

    @Command(name = "triage-like")
    static final class TriageLike implements Runnable {
        @Mixin
        TriageStoreOptions store;

        @Override
        public void run() {
        }
    }

    private TriageLike parse(String... args) {
        TriageLike command = new TriageLike();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withDbTheRunStoresThereAndTheHistoryComesFromTheStore() {
        String db = directory.resolve("triage.db").toString();
        StringWriter err = new StringWriter();
        try (TriageStorage storage = parse("--db", db).store.open(null)) {
            assertThat(storage.history()).isInstanceOf(StoreHistory.class);
            storage.finish(new PrintWriter(err, true));
        }
        assertThat(err.toString()).startsWith("stored 0, updated 0, unchanged 0, cases opened 0 in jdbc:sqlite:");
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()))) {
            assertThat(store.counts().findings()).isZero();
        }
    }

    @Test
    void withNoStoreTheRunKeepsAnInMemoryHistoryAndOpensNoStore() {
        try (TriageStorage storage = parse("--no-store").store.open(directory.resolve("never.db").toString())) {
            assertThat(storage.history()).isInstanceOf(InMemoryHistory.class);
        }
        assertThat(directory.resolve("never.db")).doesNotExist();
    }

    @Test
    void dbAndNoStoreTogetherAreAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new TriageLike());
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute("--db", "x.db", "--no-store")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}
