package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.triage.Verdict;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    private static final Finding PROBE = FindingReader.detecting().parseOne("""
            {"id":"probe-1","accountId":"111122223333","region":"us-east-1",
             "type":"Recon:EC2/PortProbeUnprotectedPort","severity":2,
             "createdAt":"2025-03-06T09:01:17Z","updatedAt":"2025-03-06T09:01:17Z",
             "resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abc"}},
             "service":{"action":{"actionType":"PORT_PROBE"}}}
            """);

    private static final int VERDICTS = WriteBehind.BATCH * WriteBehind.QUEUED_BATCHES * 3 + 5;

    @Test
    void theWrappedWriterSeesEveryVerdictInOrderFromOneThreadAndIsFinishedLast() {
        Recording recording = new Recording(-1);
        WriteBehind writer = new WriteBehind(recording);
        for (int i = 0; i < VERDICTS; i++) {
            writer.write(PROBE, null);
        }
        writer.finish();

        assertThat(recording.calls).hasSize(VERDICTS + 1).last().isEqualTo("finish");
        assertThat(recording.calls.subList(0, VERDICTS)).containsOnly("write probe-1");
        assertThat(recording.writingThreads).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void anErrorWhileWritingReachesTheTriageThreadAndTheOutputIsNotFinished() {
        Recording recording = new Recording(VERDICTS / 2);
        WriteBehind writer = new WriteBehind(recording);
        assertThatThrownBy(() -> {
            for (int i = 0; i < VERDICTS; i++) {
                writer.write(PROBE, null);
            }
            writer.finish();
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Broken pipe");
        assertThat(recording.calls).hasSize(VERDICTS / 2).doesNotContain("finish");
    }

    /** Records what it is asked to do; fails like a closed stdout after {@code failAfter} verdicts (-1: never). */
    private static final class Recording implements VerdictWriter {
        private final int failAfter;
        final List<String> calls = new ArrayList<>();
        final java.util.Set<Thread> writingThreads = new java.util.HashSet<>();

        Recording(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void write(Finding finding, Verdict verdict) {
            if (calls.size() == failAfter) {
                throw new UncheckedIOException(new java.io.IOException("Broken pipe"));
            }
            writingThreads.add(Thread.currentThread());
            calls.add("write " + finding.id());
        }

        @Override
        public void finish() {
            calls.add("finish");
        }
    }
}
