package dev.vigil.cli;

import dev.vigil.generate.FindingGenerator;
import dev.vigil.generate.OutputFormat;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil generate}: deterministic, realistic GuardDuty findings for testing pipelines and benchmarks. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Writes realistic GuardDuty findings, one JSON object per line, in time order.",
                "The same --seed, --start and --count always give the same bytes. Output streams: any count runs in constant memory.",
                "The mix: mostly Behavior:EC2/NetworkPortUnusual (to GitHub's git ranges on port 22, the runbook's known host "
                        + "165.227.16.16, exploitation ports 4444 and 8088, endpoints that many instances reach), "
                        + "Recon:EC2/PortProbeUnprotectedPort, UnauthorizedAccess:EC2/TorIPCaller, "
                        + "Policy:IAMUser/RootCredentialUsage, and IAM, S3, EKS, DNS, Runtime, RDS and AttackSequence types; "
                        + "40 accounts (the example accounts 111122223333 production, 444455556666 development, "
                        + "777788889999 staging, and 37 more); "
                        + "some findings reported again with a higher count; about 3 KB each."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vigil generate --count 1000 --seed 7 --output findings.ndjson",
                "  vigil generate --count 10 --format eventbridge | jq -c .detail.type",
                "  vigil generate --count 500 --format pascal --output pascal.ndjson"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many findings to write.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "The seed: the same seed gives the same findings (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "ndjson", paramLabel = "FORMAT",
            description = "ndjson (camelCase GuardDuty findings, as in S3 exports and EventBridge details), "
                    + "eventbridge (each in an EventBridge envelope) or pascal (PascalCase, as GetFindings returns them). "
                    + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--start", defaultValue = "2026-11-01T00:00:00Z", paramLabel = "INSTANT",
            description = "Time of the first finding, ISO-8601 (default: ${DEFAULT-VALUE}); later ones follow about 25 s apart.")
    String start;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new ExitCodes.ConfigurationException("--count must be 0 or more, not " + count);
        }
        OutputFormat outputFormat = parseFormat(format);
        Instant startInstant = parseStart(start);
        FindingGenerator generator = new FindingGenerator(seed, startInstant);
        if (output == null) {
            System.out.flush();
            try {
                // the file descriptor itself, not System.out (a PrintStream hides write errors): when the reader
                // stops (vigil generate --count 1000000 | head), writing fails and generating stops
                generator.write(count, outputFormat, new FileOutputStream(FileDescriptor.out));
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                    return ExitCodes.OK;
                }
                throw e;
            }
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ExitCodes.ConfigurationException("--output " + output + ": the folder " + parent
                        + " does not exist; create it first");
            }
            try (OutputStream out = Files.newOutputStream(output)) {
                long bytes = generator.write(count, outputFormat, out);
                spec.commandLine().getErr().printf("wrote %d findings (%d bytes) to %s%n", count, bytes, output);
            }
        }
        return ExitCodes.OK;
    }

    private static OutputFormat parseFormat(String value) {
        for (OutputFormat candidate : OutputFormat.values()) {
            if (candidate.toString().equals(value)) {
                return candidate;
            }
        }
        throw new ExitCodes.ConfigurationException("--format " + value + ": unknown format; use ndjson, eventbridge or pascal");
    }

    private static Instant parseStart(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ExitCodes.ConfigurationException("--start " + value
                    + ": not an ISO-8601 instant; write it like 2026-11-01T00:00:00Z");
        }
    }
}
