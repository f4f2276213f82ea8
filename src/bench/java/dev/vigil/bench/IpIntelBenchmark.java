package dev.vigil.bench;

import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.IpLists;
import dev.vigil.intel.IpMatch;
import dev.vigil.intel.VigilConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IP intelligence at GuardDuty's scale: six threat lists of 250,000 indicators each (GuardDuty's own limit per list),
 * 1.5 million in all, about 75 % single addresses and 25 % wider CIDRs, about 10 % IPv6. The lists are plain CIDR files
 * declared in a vigil.yaml and loaded the way {@code vigil triage --config} loads them
 * ({@code VigilConfig.load(file).intel(history).ipLists()}).
 *
 * <p>Targets (issue 5): load in <= 2 s, >= 5 million look-ups per second on one core, <= 300 MB heap. The retained heap
 * is printed by the trial set-up ({@code retained heap of the loaded lists: N MB}).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class IpIntelBenchmark {

    static final int LISTS = 6;
    static final int PER_LIST = 250_000;
    /** Distinct addresses looked up, a power of two. 65,536 spread over the lists defeats the CPU caches; a few
     *  hundred (as in one account's findings, where the same remote addresses recur) do not: {@code -p probes=256}. */
    @Param({"65536"})
    public int probes;

    private Path folder;
    private Path config;
    private IpLists lists;
    private String[] addresses;
    private String[] listNames;

    /**
     * Each thread walks the addresses in its own order, and counts its look-ups and its CPU time per iteration: JMH's
     * throughput is per wall-clock second, which a machine shared with other work lowers; the rate per CPU-second
     * printed here ({@code [vigil] ... per CPU-second}) is what one core does.
     */
    @State(Scope.Thread)
    public static class Cursor {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        int index;
        int mask;
        long operations;
        long cpuStart;
        long wallStart;

        @Setup(Level.Trial)
        public void size(IpIntelBenchmark benchmark) {
            mask = benchmark.probes - 1;
        }

        @Setup(Level.Iteration)
        public void startClock() {
            operations = 0;
            cpuStart = THREADS.getCurrentThreadCpuTime();
            wallStart = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void reportCpuRate() {
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            System.out.printf(" [vigil] %.2f M look-ups per CPU-second (this thread ran %.0f %% of the wall time)",
                    operations / (cpu / 1e9) / 1e6, 100.0 * cpu / wall);
        }

        int next() {
            operations++;
            index = (index + 1) & mask;
            return index;
        }
    }

    @Setup(Level.Trial)
    public void writeListsAndLoadThem() throws IOException {
        folder = Files.createTempDirectory("vigil-ip-bench");
        SplittableRandom random = new SplittableRandom(42);
        if (Integer.bitCount(probes) != 1) {
            throw new IllegalArgumentException("probes must be a power of two, not " + probes);
        }
        addresses = new String[probes];
        listNames = new String[LISTS];
        StringBuilder yaml = new StringBuilder("lists:\n");
        int probe = 0;
        int stride = Math.max(1, LISTS * PER_LIST / (probes / 2));
        for (int l = 0; l < LISTS; l++) {
            listNames[l] = "threat-list-" + (l + 1);
            Path file = folder.resolve(listNames[l] + ".txt");
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write("# generated threat list " + (l + 1) + ": " + PER_LIST + " indicators\n");
                for (int i = 0; i < PER_LIST; i++) {
                    Indicator indicator = Indicator.random(random);
                    out.write(indicator.cidr());
                    out.write('\n');
                    // half of the probes fall inside an indicator (taken evenly from every list), the other half anywhere
                    if ((l * PER_LIST + i) % stride == 0 && probe < probes / 2) {
                        addresses[probe++] = indicator.addressInside();
                    }
                }
            }
            yaml.append("  ").append(listNames[l]).append(":\n    kind: cidr\n    path: ").append(file.getFileName()).append('\n');
        }
        while (probe < probes) {
            addresses[probe++] = random.nextInt(10) == 0 ? Indicator.randomV6(random) : Indicator.randomV4(random);
        }
        shuffle(addresses, random);
        // lay the strings out in the order they are looked up, as a parser leaves the address it has just read in
        // the cache: what is measured is the look-up in the lists, not a cache miss on the benchmark's own input
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new String(addresses[i].toCharArray());
        }
        config = folder.resolve("vigil.yaml");
        Files.writeString(config, yaml);

        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        lists = load();
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        long after = usedHeapAfterGc();
        long hits = Stream.of(addresses).filter(ip -> !lists.matchAll(ip).isEmpty()).count();
        System.out.printf("%n[vigil] %d lists x %d indicators loaded in %d ms (first load, cold); "
                        + "retained heap of the loaded lists: %d MB; %d of %d probes match some list%n",
                LISTS, PER_LIST, loadMillis, (after - before) >> 20, hits, probes);
    }

    @TearDown(Level.Trial)
    public void deleteLists() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Loads the six lists from their files: what {@code vigil triage --config} does at start. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public IpLists load() {
        return VigilConfig.load(config).intel(new InMemoryHistory()).ipLists();
    }

    /** One address (a string, as a finding carries it) against one list: longest-prefix match. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Optional<IpMatch> lookupOneList(Cursor cursor) {
        int index = cursor.next();
        return lists.match(listNames[index % LISTS], addresses[index]);
    }

    /** One address against all six lists (and the bundled known-hosts list). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public List<IpMatch> lookupAllLists(Cursor cursor) {
        return lists.matchAll(addresses[cursor.next()]);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void shuffle(String[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
