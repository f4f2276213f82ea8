package dev.vigil.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes realistic GuardDuty findings, one JSON object per line, in time order, from a seed: the same seed, start
 * and count give the same bytes on every machine. Findings are written as they are made, so any count streams in
 * constant memory (only the last {@value #REPEAT_WINDOW} findings are kept, to report some of them again with a
 * higher count, as GuardDuty does).
 *
 * <p>The mix: about a third {@code Behavior:EC2/NetworkPortUnusual} (some to GitHub's git ranges on port 22, some to
 * the runbook's known host 165.227.16.16, some on exploitation ports 4444 and 8088, some to endpoints that many
 * instances reach), {@code Recon:EC2/PortProbeUnprotectedPort}, {@code UnauthorizedAccess:EC2/TorIPCaller},
 * {@code Policy:IAMUser/RootCredentialUsage}, and IAM, S3, EKS, DNS, Runtime, RDS and AttackSequence types, across
 * the three example accounts and {@value #GENERATED_ACCOUNTS} generated ones.
 */
public final class FindingGenerator {

    /** The default first finding time. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-01T00:00:00Z");

    static final int REPEAT_WINDOW = 256;
    static final int GENERATED_ACCOUNTS = 37;
    private static final double REPEAT_SHARE = 0.06;
    private static final double SAMPLE_SHARE = 0.003;
    private static final int MEAN_GAP_MILLIS = 25_000;

    private final long seed;
    private final Instant start;

    public FindingGenerator(long seed, Instant start) {
        this.seed = seed;
        this.start = Objects.requireNonNull(start, "start");
    }

    /** Writes {@code count} findings to {@code out} (which is flushed, not closed); returns the bytes written. */
    public long write(long count, OutputFormat format, OutputStream out) throws IOException {
        Fleet fleet = new Fleet(seed, GENERATED_ACCOUNTS);
        FindingDocuments documents = new FindingDocuments(seed, fleet, new RemoteHosts(seed));
        SeededRandom random = new SeededRandom(seed);
        ObjectNode[] recent = new ObjectNode[REPEAT_WINDOW];
        long now = start.toEpochMilli();
        CountingOutputStream counting = new CountingOutputStream(new BufferedOutputStream(out, 1 << 16));
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator generator = mapper.getFactory().createGenerator(counting)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.setRootValueSeparator(null);
            long created = 0;
            for (long i = 0; i < count; i++) {
                now += random.nextInt(2 * MEAN_GAP_MILLIS);
                ObjectNode finding;
                if (created > 0 && random.chance(REPEAT_SHARE)) {
                    // the latest report of an earlier finding, replaced by this one so counts only grow
                    int slot = random.nextInt((int) Math.min(created, REPEAT_WINDOW));
                    finding = FindingDocuments.repeat(recent[slot], random, now);
                    recent[slot] = finding;
                } else {
                    finding = documents.create(random, now, random.chance(SAMPLE_SHARE));
                    recent[(int) (created++ % REPEAT_WINDOW)] = finding;
                }
                mapper.writeTree(generator, format.shape(finding, now));
                generator.writeRaw('\n');
            }
            generator.flush();
        }
        counting.flush();
        return counting.written();
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long written;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            written += length;
        }

        long written() {
            return written;
        }
    }
}
