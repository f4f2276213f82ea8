package dev.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void aLinePlaceReadsLikeACompilerMessage() {
        assertThat(new Rejection("findings.ndjson", "17", "not JSON: unexpected end of input at column 211", "{").message())
                .isEqualTo("findings.ndjson:17: not JSON: unexpected end of input at column 211");
    }

    @Test
    void aRecordPlaceNamesTheRecord() {
        assertThat(new Rejection("export.json", "record 3", "no finding type", "{}").message())
                .isEqualTo("export.json record 3: no finding type");
        assertThat(new Rejection("a.ndjson", "2 record 1", "x", "").message()).isEqualTo("a.ndjson:2 record 1: x");
    }

    @Test
    void aWholeFilePlaceNamesOnlyTheFile() {
        assertThat(new Rejection("dump.bin", "file", "binary data", null).message()).isEqualTo("dump.bin: binary data");
        assertThat(new Rejection("dump.bin", "file", "binary data", null).raw()).isEmpty();
    }
}
