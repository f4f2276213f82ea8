package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final int RECORDS = ReadAhead.BATCH * ReadAhead.QUEUED_BATCHES * 3 + 17;

    @Test
    void findingsAndRejectionsReachTheConsumerInInputOrderOnTheCallingThread() {
        List<String> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ReadSummary summary = ReadAhead.run(sink -> read(ndjson(RECORDS, 100), sink), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                threads.add(Thread.currentThread());
                seen.add(finding.id());
            }

            @Override
            public void reject(Rejection rejection) {
                threads.add(Thread.currentThread());
                seen.add("rejected at line " + rejection.place());
            }
        });

        assertThat(summary.read()).isEqualTo(RECORDS);
        assertThat(summary.rejected()).isEqualTo(RECORDS / 100);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            expected.add(i % 100 == 0 ? "rejected at line " + i : "finding-" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void aFailingConsumerStopsTheReaderAndItsErrorReachesTheCaller() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.run(sink -> read(ndjson(RECORDS, 0), sink), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                if (seen.size() == RECORDS / 2) {
                    throw new IllegalStateException("the output is gone");
                }
                seen.add(finding.id());
            }

            @Override
            public void reject(Rejection rejection) {
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("the output is gone");
        assertThat(seen).hasSize(RECORDS / 2);
    }

    @Test
    void aFailingReaderHasItsErrorRethrownAfterWhatItReadIsConsumed() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            read(ndjson(10, 0), sink);
            throw new ExitCodes.ConfigurationException("cannot read input: disk gone");
        }, new FindingSink() {
            @Override
            public void accept(Finding finding) {
                seen.add(finding.id());
            }

            @Override
            public void reject(Rejection rejection) {
            }
        })).isInstanceOf(ExitCodes.ConfigurationException.class).hasMessage("cannot read input: disk gone");
        assertThat(seen).hasSize(10);
    }

    @Test
    void startedEarlyTheReaderReadsAheadWithinItsBudgetAndThenWithinTheSteadyBound() throws Exception {
        int steadyAtMost = (ReadAhead.QUEUED_BATCHES + 1) * ReadAhead.BATCH;
        assertThat(readBeforeConsuming(0)).isBetween(ReadAhead.QUEUED_BATCHES * ReadAhead.BATCH, steadyAtMost);
        // each of these findings counts as about 3.2 KB: 100 KB holds about half a batch more
        assertThat(readBeforeConsuming(100_000)).isBetween(steadyAtMost, steadyAtMost + 2 * ReadAhead.BATCH);
        assertThat(readBeforeConsuming(10_000_000)).isEqualTo(RECORDS);
    }

    /** How many findings a reader started with {@code budget} reads before anyone consumes; then consumes them all. */
    private static int readBeforeConsuming(long budget) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger handed = new java.util.concurrent.atomic.AtomicInteger();
        ReadAhead.Started<ReadSummary> started = ReadAhead.start(sink -> read(ndjson(RECORDS, 0), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                handed.incrementAndGet();
                sink.accept(finding);
            }

            @Override
            public void reject(Rejection rejection) {
                sink.reject(rejection);
            }
        }), budget);
        int before;
        int now = handed.get();
        do {
            before = now;
            Thread.sleep(200);
            now = handed.get();
        } while (now != before);
        List<String> seen = new ArrayList<>();
        ReadSummary summary = started.consume(new FindingSink() {
            @Override
            public void accept(Finding finding) {
                seen.add(finding.id());
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
        assertThat(summary.read()).isEqualTo(RECORDS);
        assertThat(seen).hasSize(RECORDS).startsWith("finding-1", "finding-2").endsWith("finding-" + RECORDS);
        return now;
    }

    @Test
    void aCancelledReaderStops() {
        ReadAhead.Started<ReadSummary> started = ReadAhead.start(sink -> read(ndjson(RECORDS, 0), sink), 0);
        started.cancel();
        assertThatThrownBy(() -> started.consume(new FindingSink() {
            @Override
            public void accept(Finding finding) {
            }

            @Override
            public void reject(Rejection rejection) {
            }
        })).isInstanceOf(IllegalStateException.class);
    }

    private static ReadSummary read(String text, FindingSink sink) {
        try {
            return FindingReader.detecting().read("test.ndjson",
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Port probes with ids finding-1..n, one line each; every {@code brokenEvery}th line is not JSON (0: none). */
    private static String ndjson(int count, int brokenEvery) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            if (brokenEvery > 0 && i % brokenEvery == 0) {
                text.append("{\"Id\": \"finding-").append(i).append("\", oops\n");
                continue;
            }
            text.append("{\"id\":\"finding-").append(i).append("\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",")
                    .append("\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":2,")
                    .append("\"createdAt\":\"2025-03-06T09:01:17Z\",\"updatedAt\":\"2025-03-06T09:01:17Z\",")
                    .append("\"resource\":{\"resourceType\":\"Instance\",\"instanceDetails\":{\"instanceId\":\"i-0abc\"}},")
                    .append("\"service\":{\"action\":{\"actionType\":\"PORT_PROBE\"}}}\n");
        }
        return text.toString();
    }
}
