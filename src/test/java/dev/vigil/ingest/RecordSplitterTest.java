package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {

    @Test
    void theWordAtATimeNewlineSearchFindsTheSameNewlineAsAPlainLoop() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                int pick = random.nextInt(6);
                bytes[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0B : pick == 2 ? 0x8A : pick == 3 ? 0x09 : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = -1;
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(RecordSplitter.indexOfNewline(bytes, from, bytes.length)).isEqualTo(expected);
        }
    }
}
