package dev.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a child process imports 100,000 findings and is killed (SIGKILL) in the middle; the store
 * keeps everything the child reported committed, holds no half-written finding or case, and a re-run completes the
 * import with no duplicates.
 */
class CrashRecoveryTest {

    private static final long TOTAL = 100_000;
    private static final int BATCH = 1_000;

    @TempDir
    Path directory;

    @Test
    void aKilledImportLosesNothingReportedDoneAndARerunCompletesItWithoutDuplicates() throws Exception {
        String db = directory.resolve("crash.db").toString();

        Process child = importer(db);
        long reported = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    reported = Long.parseLong(line.substring("committed ".length()));
                    if (reported >= TOTAL * 3 / 10) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends once killed").isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(reported).as("the child reported progress before it was killed").isGreaterThanOrEqualTo(TOTAL * 3 / 10);

        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()))) {
            StoreCounts afterCrash = store.counts();
            assertThat(afterCrash.findings()).as("nothing reported done is lost").isGreaterThanOrEqualTo(reported);
            assertThat(afterCrash.findings() % BATCH).as("only whole batches are stored").isZero();
            assertThat(afterCrash.findings()).isLessThan(TOTAL);
        }
        assertThat(StoreConsistency.violations(db, Triaged.NETWORK_PORT_CHECKLIST.size())).isEmpty();

        Process rerun = importer(db);
        String output = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as("re-run output: %s", tail(output)).isZero();
        assertThat(output).contains("finished");

        SyntheticFindings findings = new SyntheticFindings(500, 300);
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()))) {
            StoreCounts complete = store.counts();
            assertThat(complete.findings()).isEqualTo(TOTAL);
            assertThat(complete.findingVersions()).isZero();
            assertThat(complete.contacts()).as("one contact per instance and endpoint")
                    .isPositive();
            assertThat(complete.cases()).isEqualTo(findings.expectedCases(TOTAL));
        }
        assertThat(StoreConsistency.violations(db, Triaged.NETWORK_PORT_CHECKLIST.size())).isEmpty();
    }

    private Process importer(String db) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath, CrashImport.class.getName(),
                db, String.valueOf(TOTAL), String.valueOf(BATCH)));
        return new ProcessBuilder(command).redirectError(directory.resolve("child.err").toFile())
                .directory(new File(System.getProperty("user.dir"))).start();
    }

    private static String tail(String output) {
        return output.length() > 2000 ? output.substring(output.length() - 2000) : output;
    }
}
