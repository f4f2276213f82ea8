package dev.vigil.generate;

import java.util.List;

/**
 * SplitMix64: a small, fast pseudo-random generator whose output is fixed by its seed on every JVM and version
 * (unlike {@link java.util.SplittableRandom}, whose algorithm the JDK may change). Not thread-safe; one per thread.
 */
final class SeededRandom {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    /** A generator for a sub-stream (an account, an instance) that does not depend on how much the parent has drawn. */
    static SeededRandom derived(long seed, long... parts) {
        long mixed = mix(seed);
        for (long part : parts) {
            mixed = mix(mixed ^ part * 0x9E3779B97F4A7C15L);
        }
        return new SeededRandom(mixed);
    }

    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [from, to] inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Skewed towards the first items: a few instances show up in many findings, as in a real fleet. */
    int skewed(int bound) {
        double draw = nextDouble();
        return Math.min(bound - 1, (int) (draw * draw * bound));
    }

    String hex(int digits) {
        char[] out = new char[digits];
        long bits = 0;
        for (int i = 0; i < digits; i++) {
            if (i % 16 == 0) {
                bits = nextLong();
            }
            out[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(out);
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append((char) ('1' + nextInt(9)));
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + nextInt(10)));
        }
        return out.toString();
    }
}
