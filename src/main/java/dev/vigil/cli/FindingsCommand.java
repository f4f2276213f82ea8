package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil findings}: reads findings in any supported shape and prints them normalized. */
@Command(name = "findings",
        mixinStandardHelpOptions = true,
        description = {
                "Read GuardDuty findings (GuardDuty JSON in camelCase or PascalCase, EventBridge events, Security Hub ASFF, "
                        + "Elastic ECS; arrays, NDJSON, concatenated JSON, .gz) and print them normalized.",
                "Rejected records are reported on stderr with their place and reason; a summary line counts them."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  ./vigil findings examples/findings",
                "  ./vigil findings export.ndjson.gz --format ndjson --rejects rejects.ndjson",
                "  aws guardduty get-findings ... | ./vigil findings - --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every record accepted",
                "1:internal error",
                "2:usage or configuration error (e.g. an INPUT that does not exist)",
                "3:some records rejected, the rest processed"})
public final class FindingsCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { table, json, ndjson }

    @Mixin
    InputOptions input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table (aligned columns), json (one array), ndjson (one finding per line). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FindingPrinter printer = switch (format) {
            case table -> new TablePrinter(out);
            case json -> new JsonPrinter(out, true);
            case ndjson -> new JsonPrinter(out, false);
        };
        // reading and parsing run on a thread of their own (as in triage): printing overlaps them, in input order
        ReadSummary summary = ReadAhead.run(sink -> input.readAll(sink, err), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                printer.print(finding);
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
        err.println(summary.line());
        printer.finish();
        out.flush();
        return summary.rejected() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    interface FindingPrinter {
        void print(Finding finding);

        void finish();
    }

    /** JSON array or NDJSON, through {@link Json#mapper()}. */
    static final class JsonPrinter implements FindingPrinter {
        private final JsonStream stream;

        JsonPrinter(PrintWriter out, boolean array) {
            this.stream = new JsonStream(out, Json.mapper().writer(), array);
        }

        @Override
        public void print(Finding finding) {
            stream.write(finding);
        }

        @Override
        public void finish() {
            stream.finish();
        }
    }

    /** Aligned columns; widths come from the first rows, later longer values just push the line. */
    static final class TablePrinter implements FindingPrinter {
        private static final String[] HEADER = {"TIME", "ACCOUNT", "TYPE", "SEVERITY", "RESOURCE", "REMOTE"};
        private static final int BUFFERED_ROWS = 1000;
        private final PrintWriter out;
        private final java.util.List<String[]> rows = new java.util.ArrayList<>();
        private int[] widths;

        TablePrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void print(Finding finding) {
            String[] row = row(finding);
            if (widths != null) {
                write(row);
                return;
            }
            rows.add(row);
            if (rows.size() >= BUFFERED_ROWS) {
                flushRows();
            }
        }

        @Override
        public void finish() {
            if (widths == null) {
                flushRows();
            }
        }

        private void flushRows() {
            widths = new int[HEADER.length];
            for (int i = 0; i < HEADER.length; i++) {
                widths[i] = HEADER[i].length();
            }
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            write(HEADER);
            rows.forEach(this::write);
            rows.clear();
        }

        private void write(String[] row) {
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(Math.max(0, widths[i] - row[i].length()) + 2));
                }
            }
            out.write(line.toString().stripTrailing());
            out.write('\n');
        }

        static String[] row(Finding f) {
            Instant time = f.createdAt() != null ? f.createdAt() : f.updatedAt() != null ? f.updatedAt() : f.eventLastSeen();
            String remote = f.remote().map(TablePrinter::remote).orElse("-");
            return new String[] {
                    time == null ? "-" : time.truncatedTo(ChronoUnit.SECONDS).toString(),
                    f.accountId() == null ? "-" : f.accountId(),
                    f.type().name() + (f.sample() ? " (sample)" : ""),
                    f.severity().score() + " " + f.severity().label(),
                    f.resource().label().isEmpty() ? "-" : f.resource().label(),
                    remote};
        }

        private static String remote(RemoteEndpoint remote) {
            String label = remote.label();
            String org = remote.organization().name();
            return org == null ? label : label + " (" + org + ")";
        }
    }
}
