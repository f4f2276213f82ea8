package dev.vigil.cases;

import dev.vigil.finding.Finding;
import dev.vigil.triage.Level;
import dev.vigil.triage.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scale check, run by {@code bench/store-scale.sh} (not a unit test): imports N synthetic triaged findings
 * into a store, with the two history look-ups triage makes per finding, and reports the import rate; then times
 * {@code cases list} and {@code cases show} (the same store calls the commands make) on the full store.
 *
 * <p>Usage: {@code StoreScaleBenchmark DB N [import|query|both]}
 */
public final class StoreScaleBenchmark {

    /** VIGIL_BENCH_HISTORY=false measures the recorder alone, without the history look-ups. */
    private static final boolean WITH_HISTORY = !"false".equals(System.getenv("VIGIL_BENCH_HISTORY"));

    private StoreScaleBenchmark() {
    }

    public static void main(String[] args) {
        String db = args[0];
        long total = Long.parseLong(args[1]);
        String mode = args.length > 2 ? args[2] : "both";
        if (!mode.equals("query")) {
            importFindings(db, total);
        }
        if (!mode.equals("import")) {
            query(db);
        }
    }

    /**
     * 20,000 endpoints over 5,000 instances; one finding in ten is the known host; one in a hundred goes to one hot
     * endpoint (an incident: many instances, one destination), whose case then holds 1% of all findings.
     */
    static Finding finding(SyntheticFindings synthetic, long n) {
        if (n % 100 == 5) {
            return Triaged.networkPortUnusual(String.format(Locale.ROOT, "f-%09d", n), Triaged.PRODUCTION,
                    String.format(Locale.ROOT, "i-%017x", n % 5000), "203.0.113.66", 4444,
                    Triaged.MONDAY.plus(Duration.ofSeconds(n * 7)));
        }
        return synthetic.finding(n);
    }

    private static void importFindings(String db, long total) {
        SyntheticFindings synthetic = new SyntheticFindings(20_000, 5_000);
        long start = System.nanoTime();
        Duration cpuBaseline = cpu();
        long generated = 0;
        for (long n = 0; n < Math.min(total, 200_000); n++) {
            Finding finding = finding(synthetic, n);
            generated += SyntheticFindings.verdict(finding).rules().size();
        }
        double baseline = Math.min(total, 200_000) / seconds(start);
        double baselineCpu = Math.min(total, 200_000) / ((cpu().toNanos() - cpuBaseline.toNanos()) / 1e9);
        System.out.printf(Locale.ROOT, "in memory (generate + verdict, no store): %.0f findings/s, %.0f per CPU-second (%d)%n",
                baseline, baselineCpu, generated);

        start = System.nanoTime();
        Duration cpuStart = cpu();
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()));
             FindingRecorder recorder = store.recorder()) {
            StoreHistory history = store.history(recorder);
            long lookups = 0;
            long sectionStart = System.nanoTime();
            for (long n = 0; n < total; n++) {
                Finding finding = finding(synthetic, n);
                var remote = finding.remote().orElseThrow();
                String instance = finding.instance().orElseThrow().id();
                if (WITH_HISTORY && history.seenBefore(instance, remote.ip(), remote.port(), finding.eventFirstSeen())) {
                    lookups++;
                }
                lookups += WITH_HISTORY && history.instancesWithPattern(finding.type().name(), remote.ip(), remote.port(),
                        finding.eventFirstSeen(), Duration.ofHours(24)).size() > 1 ? 1 : 0;
                Verdict verdict = SyntheticFindings.verdict(finding);
                history.record(finding);
                recorder.add(finding, verdict);
                if ((n + 1) % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %,d stored, last 100k at %.0f findings/s%n", n + 1,
                            100_000 / seconds(sectionStart));
                    sectionStart = System.nanoTime();
                }
            }
            recorder.flush();
            double elapsed = seconds(start);
            double cpuSeconds = (cpu().toNanos() - cpuStart.toNanos()) / 1e9;
            System.out.printf(Locale.ROOT, "store import CPU time: %.1f s = %.0f findings per CPU-second "
                    + "(the machine is shared; this is the figure that does not depend on the load)%n",
                    cpuSeconds, total / cpuSeconds);
            System.out.printf(Locale.ROOT, "store import with history look-ups: %,d findings in %.1f s = %.0f findings/s "
                    + "(%s; %d look-ups said seen)%n", total, elapsed, total / elapsed, recorder.committed().line(), lookups);
            System.out.println("store counts: " + store.counts());
        }
    }

    private static void query(String db) {
        try (CaseStore store = CaseStore.open(StoreLocation.of(db, Map.of()))) {
            StoreCounts counts = store.counts();
            System.out.println("store: " + counts);
            List<CaseSummary> all = store.list(new CaseFilter(null, true, null, 50));
            CaseId hottest = store.list(CaseFilter.notClosed()).stream()
                    .max((a, b) -> Long.compare(a.findings(), b.findings())).orElseThrow().id();
            CaseId typical = new CaseId(Math.max(1, counts.cases() / 2));
            // some responder activity, so that state filters have something to find
            for (int i = 0; i < 20 && i < all.size(); i++) {
                CaseSummary summary = all.get(i);
                if (summary.state() == CaseState.OPEN) {
                    store.move(summary.id(), CaseState.INVESTIGATING, false, "bench", "looking");
                    store.note(summary.id(), "bench", "a note");
                }
            }
            time("cases list (not closed, 50)", () -> store.list(CaseFilter.notClosed()));
            time("cases list --state investigating", () -> store.list(new CaseFilter(CaseState.INVESTIGATING, false, null, 50)));
            time("cases list --severity medium", () -> store.list(new CaseFilter(null, false, Level.MEDIUM, 50)));
            time("cases list --state closed", () -> store.list(new CaseFilter(CaseState.CLOSED, false, null, 50)));
            time("cases show " + typical + " (" + store.summary(typical).findings() + " findings)", () -> store.show(typical));
            time("cases show " + hottest + " (" + store.summary(hottest).findings() + " findings)", () -> store.show(hottest));
            time("metrics --since 30d (all cases)", () -> store.metrics(Triaged.MONDAY.minus(Duration.ofDays(30))));
        }
    }

    private static void time(String what, Supplier<?> call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double first = millis.get(0);
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%-55s first %7.1f ms, median %7.1f ms, max %7.1f ms%n", what, first,
                millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
