package dev.vigil.cases;

import java.util.Map;

/**
 * The child process of {@link CrashRecoveryTest}: imports {@code total} synthetic findings into the SQLite store at
 * {@code db}, printing {@code committed N} after every committed batch (what it reports done), then {@code finished}.
 */
public final class CrashImport {
    private CrashImport() {
    }

    public static void main(String[] args) {
        String db = args[0];
        long total = Long.parseLong(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        SyntheticFindings findings = new SyntheticFindings(500, 300);
        long[] done = {0};
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()));
             FindingRecorder recorder = store.recorder(batchSize, summary -> {
                 done[0] += summary.total();
                 System.out.println("committed " + done[0]);
                 System.out.flush();
             })) {
            for (long n = 0; n < total; n++) {
                var finding = findings.finding(n);
                recorder.add(finding, SyntheticFindings.verdict(finding));
            }
        }
        System.out.println("finished");
        System.out.flush();
    }
}
