package dev.vigil.intel.lists;

import dev.vigil.intel.IpMatch;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A quick measurement (not a test, not JMH): six lists of 250,000 indicators (mixed /32 and wider, about 10 % IPv6)
 * written as cidr files, loaded through the cidr loader, then looked up from one thread.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.vigil.intel.lists.IpListBenchmark}.
 */
public final class IpListBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        int lists = 6;
        int perList = 250_000;
        SplittableRandom random = new SplittableRandom(42);
        Path folder = Files.createTempDirectory("vigil-bench");
        List<dev.vigil.intel.lists.ListSource> sources = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            Path file = folder.resolve("list-" + l + ".txt");
            try (Writer out = Files.newBufferedWriter(file)) {
                for (int i = 0; i < perList; i++) {
                    out.write(randomCidr(random));
                    out.write(i % 10 == 0 ? "  # indicator " + (i % 97) + "\n" : "\n");
                }
            }
            sources.add(ListSource.file("list-" + l, "cidr", file));
        }
        String[] probes = new String[1 << 16];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = i % 10 == 0 ? randomV6(random) : randomV4(random);
        }
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        dev.vigil.intel.VigilConfig config = new dev.vigil.intel.VigilConfig(null, sources, null, null, null, null, null);
        dev.vigil.intel.yaml.ConfigErrors errors = new dev.vigil.intel.yaml.ConfigErrors();
        LoadedIpLists loaded = config.loadLists(errors);
        long loadNanos = System.nanoTime() - started;
        errors.throwIfAny();
        System.gc();
        long heapAfter = usedHeap();
        int entries = loaded.lists().stream().mapToInt(IpList::size).sum();
        System.out.printf("loaded %d entries in %d lists in %d ms (parallel over %d cores); retained heap %d MB%n",
                entries, loaded.lists().size(), loadNanos / 1_000_000, Runtime.getRuntime().availableProcessors(),
                (heapAfter - heapBefore) >> 20);

        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            int total = 0;
            for (dev.vigil.intel.lists.ListSource source : sources) {
                total += ListFiles.load(source, errors).orElseThrow().size();
            }
            System.out.printf("sequential load (one thread) of %d entries: %d ms wall, %d ms CPU%n", total,
                    (System.nanoTime() - t0) / 1_000_000, (CPU.getCurrentThreadCpuTime() - c0) / 1_000_000);
        }
        List<String> strings = java.nio.file.Files.readAllLines(sources.get(0).path()).stream()
                .map(line -> line.split(" ")[0]).toList();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            IpList built = IpListBuilder.fromCidrs("memory", strings);
            System.out.printf("IpListBuilder.fromCidrs of %d strings: %d ms%n", built.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        IpList first = loaded.list("list-0").orElseThrow();
        String[] v4Probes = java.util.Arrays.stream(probes).filter(p -> p.indexOf(':') < 0).toArray(String[]::new);
        for (int round = 0; round < 5; round++) {
            long hits = 0;
            long count = 0;
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 4096; i++) {
                    Optional<IpMatch> match = first.match(v4Probes[(int) (count++ % v4Probes.length)]);
                    if (match.isPresent()) {
                        hits++;
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: IPv4 match(list, ip-string) %.1f M lookups/s wall, %.1f M per CPU-second (hits %d)%n", round,
                    count / seconds / 1e6, count / cpuSeconds / 1e6, hits);
        }
        String[] names = new String[lists];
        for (int l = 0; l < lists; l++) {
            names[l] = "list-" + l;
        }
        String[] v6Probes = java.util.Arrays.stream(probes).filter(p -> p.indexOf(':') >= 0).toArray(String[]::new);
        for (int round = 0; round < 3; round++) {
            long count = 0;
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 4096; i++) {
                    first.match(v6Probes[(int) (count++ % v6Probes.length)]);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: IPv6 match(list, ip-string) %.1f M lookups/s wall, %.1f M per CPU-second%n", round, count / seconds / 1e6,
                    count / cpuSeconds / 1e6);
        }
        for (int round = 0; round < 3; round++) {
            long count = 0;
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 4096; i++) {
                    loaded.match(names[(int) (count % lists)], probes[(int) (count & 0xFFFF)]);
                    count++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: mixed (10%% IPv6) match over 6 lists %.1f M lookups/s wall, %.1f M per CPU-second%n", round,
                    count / seconds / 1e6, count / cpuSeconds / 1e6);
        }
        for (int round = 0; round < 3; round++) {
            long count = 0;
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                for (int i = 0; i < 4096; i++) {
                    loaded.matchAll(v4Probes[(int) (count % v4Probes.length)]);
                    count++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: matchAll over 6 lists (IPv4) %.2f M lookups/s wall, %.1f M per CPU-second%n", round, count / seconds / 1e6,
                    count / cpuSeconds / 1e6);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static String randomCidr(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            int prefix = random.nextInt(4) == 0 ? 32 + random.nextInt(33) : 128;
            return randomV6(random) + "/" + prefix;
        }
        int prefix = random.nextInt(4) == 0 ? 8 + random.nextInt(24) : 32;
        return randomV4(random) + "/" + prefix;
    }

    static String randomV4(SplittableRandom random) {
        int address = random.nextInt();
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    static String randomV6(SplittableRandom random) {
        return String.format("2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000));
    }
}
