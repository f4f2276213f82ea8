package dev.vigil.cli;

import dev.vigil.finding.Finding;
import dev.vigil.finding.Json;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.InputFormat;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input options every command that reads findings shares (a picocli mixin): {@code INPUT...}, {@code --input-format},
 * {@code --rejects FILE}. With no INPUT, findings are read from stdin when it is not a terminal.
 */
public final class InputOptions {

    /** Rejections printed to stderr before the rest are only counted (all of them still go to --rejects). */
    static final int MAX_PRINTED_REJECTIONS = 100;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Files or directories (read recursively) of findings, '-' for stdin; .gz is read too. "
                    + "Default: stdin, when it is not a terminal.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "Read every record as this format instead of detecting it per record: "
                    + "guardduty, eventbridge, asff, ecs.",
            converter = InputFormatConverter.class)
    InputFormat inputFormat;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Append each rejected record to FILE as one JSON line: "
                    + "{\"source\":..,\"place\":..,\"reason\":..,\"raw\":\"<record text>\"}.")
    Path rejectsFile;

    /** The inputs as given, or {@code -} (stdin) when none were given and stdin is not a terminal. */
    public List<String> inputs() {
        if (!inputs.isEmpty()) {
            return List.copyOf(inputs);
        }
        if (System.console() != null) {
            throw new ExitCodes.ConfigurationException("no INPUT given and stdin is a terminal: name files or "
                    + "directories of findings (e.g. examples/findings), or pipe findings in with '-'");
        }
        return List.of("-");
    }

    /** Whether rejected records are appended to a file (--rejects) as they are read. */
    boolean keepsRejects() {
        return rejectsFile != null;
    }

    public FindingReader reader() {
        // no command shows or exports a finding's document as it arrived (yet): reading without them is cheaper
        return (inputFormat == null ? FindingReader.detecting() : FindingReader.forcing(inputFormat)).withoutDocuments();
    }

    /**
     * Reads all inputs into {@code sink}: prints each rejection to {@code err} (the first
     * {@value #MAX_PRINTED_REJECTIONS}) and appends rejected records to the rejects file. The caller prints the
     * summary ({@link ReadSummary#line()}: {@code read N, accepted N, rejected N}) once it has handled every finding.
     *
     * @throws ExitCodes.ConfigurationException when an input does not exist or the rejects file cannot be written
     */
    public ReadSummary readAll(FindingSink sink, PrintWriter err) {
        List<String> inputs = inputs();
        try (Writer rejects = openRejects()) {
            RejectionReporter reporter = new RejectionReporter(sink, err, rejects);
            ReadSummary summary = reader().read(inputs, reporter);
            reporter.finish();
            err.flush();
            return summary;
        } catch (NoSuchFileException e) {
            throw new ExitCodes.ConfigurationException("no such file or directory: " + e.getFile());
        } catch (IOException e) {
            throw new ExitCodes.ConfigurationException("cannot read input: " + e.getMessage(), e);
        }
    }

    private Writer openRejects() {
        if (rejectsFile == null) {
            return Writer.nullWriter();
        }
        try {
            Path parent = rejectsFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new BufferedWriter(Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new ExitCodes.ConfigurationException("cannot write the rejects file " + rejectsFile + ": "
                    + e.getMessage() + "; choose a writable path for --rejects", e);
        }
    }

    /** Passes findings on, and reports each rejection to stderr and the rejects file. */
    private static final class RejectionReporter implements FindingSink {
        private final FindingSink target;
        private final PrintWriter err;
        private final Writer rejects;
        private long printed;
        private long unprinted;

        RejectionReporter(FindingSink target, PrintWriter err, Writer rejects) {
            this.target = target;
            this.err = err;
            this.rejects = rejects;
        }

        @Override
        public void accept(Finding finding) {
            target.accept(finding);
        }

        @Override
        public void reject(Rejection rejection) {
            if (printed < MAX_PRINTED_REJECTIONS) {
                printed++;
                err.println("vigil: " + rejection.message());
            } else {
                unprinted++;
            }
            try {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("source", rejection.source());
                line.put("place", rejection.place());
                line.put("reason", rejection.reason());
                line.put("raw", rejection.raw());
                rejects.write(Json.mapper().writeValueAsString(line));
                rejects.write('\n');
            } catch (IOException e) {
                throw new ExitCodes.ConfigurationException("cannot write the rejects file: " + e.getMessage(), e);
            }
            target.reject(rejection);
        }

        void finish() {
            if (unprinted > 0) {
                err.println("vigil: " + unprinted + " more rejections not shown; use --rejects FILE to keep them all");
            }
        }
    }
}
