package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.IpMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Large IPv4 lists keep a record per /16 with up to {@link V4Intervals#INLINE} starts and search the rest elsewhere;
 * large IPv6 lists use a /16 table in front of a binary search. They must answer exactly like checking every entry.
 */
class LargeIpListTest {

    /**
     * In /16 number {@code n} of 10.0.0.0/8, {@code n} single addresses three apart: buckets of 0 to 70 interval starts,
     * below, at and above what a record holds. Every address around them, and the /16's ends, must find its entry.
     */
    @Test
    void everyBucketSizeAroundWhatARecordHoldsFindsItsEntries() {
        int sizes = 2 * V4Intervals.INLINE + 10;
        IpListBuilder builder = new IpListBuilder("sizes", "cidr", "memory").largeFrom(0);
        for (int n = 0; n < sizes; n++) {
            for (int i = 0; i < n; i++) {
                builder.add(IpText.formatV4(0x0A000000L | (long) n << 16 | 3 * i + 1) + "/32", "bucket " + n);
            }
        }
        IpList list = builder.build();
        int checked = 0;
        for (int n = 0; n < sizes; n++) {
            long bucket = 0x0A000000L | (long) n << 16;
            for (long address = bucket - 1; address <= bucket + 3L * n + 2; address++) {
                long offset = address - bucket;
                boolean listed = offset >= 0 && offset % 3 == 1 && offset / 3 < n;
                Optional<String> expected = listed ? Optional.of(IpText.formatV4(address) + "/32") : Optional.empty();
                assertThat(list.match(IpText.formatV4(address)).map(IpMatch::range)).as(IpText.formatV4(address))
                        .isEqualTo(expected);
                checked++;
            }
            assertThat(list.match(IpText.formatV4(bucket | 0xFFFF))).as("end of bucket %d", n).isEmpty();
        }
        assertThat(checked).isGreaterThan(1000);
    }

    /**
     * More interval starts in one /16 than a record's count can say (65,535): 40,000 neighbouring single addresses,
     * each an owned interval and an empty gap after it, 80,000 starts. The record says "more".
     */
    @Test
    void aSlash16WithMoreStartsThanARecordCountsFindsItsEntries() {
        IpListBuilder builder = new IpListBuilder("crowded", "cidr", "memory");
        for (int i = 0; i < 40_000; i++) {
            builder.add(IpText.formatV4(0x0A2A0000L + i) + "/32", null);
        }
        builder.add("10.43.0.0/16", "the next /16");
        IpList list = builder.build();
        SplittableRandom random = new SplittableRandom(3);
        for (int probe = 0; probe < 5_000; probe++) {
            long address = 0x0A2A0000L + random.nextInt(1 << 16);
            boolean listed = address < 0x0A2A0000L + 40_000;
            assertThat(list.match(IpText.formatV4(address)).map(IpMatch::range)).as(IpText.formatV4(address))
                    .isEqualTo(listed ? Optional.of(IpText.formatV4(address) + "/32") : Optional.empty());
        }
        assertThat(list.match("10.42.255.255")).isEmpty();
        assertThat(list.match("10.43.7.7").map(IpMatch::note)).contains("the next /16");
        assertThat(list.match("10.44.0.0")).isEmpty();
    }


    @Test
    void aLargeListWithNestedRangesFindsTheSameLongestPrefixAsCheckingEveryEntry() {
        SplittableRandom random = new SplittableRandom(7);
        long[] bases = {0x0A000000L, 0x0A010000L, 0xC0A80000L, 0x8C520000L, 0xFFFF0000L, 0x00000000L};
        int count = 12_000;
        long[] networks = new long[count];
        int[] prefixes = new int[count];
        List<String> cidrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long address = (bases[random.nextInt(bases.length)] + random.nextInt(1 << 18)) & 0xFFFFFFFFL;
            int prefix = random.nextInt(3) == 0 ? 12 + random.nextInt(20) : 32;
            long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            networks[i] = address & mask;
            prefixes[i] = prefix;
            cidrs.add(IpText.formatV4(networks[i]) + "/" + prefix);
        }
        IpList list = IpListBuilder.fromCidrs("large", cidrs);

        for (int probe = 0; probe < 10_000; probe++) {
            long address = probe % 2 == 0 ? networks[random.nextInt(count)] + random.nextInt(3)
                    : (bases[random.nextInt(bases.length)] + random.nextInt(1 << 19)) & 0xFFFFFFFFL;
            address &= 0xFFFFFFFFL;
            int best = -1;
            for (int i = 0; i < count; i++) {
                long mask = (0xFFFFFFFFL << (32 - prefixes[i])) & 0xFFFFFFFFL;
                if ((address & mask) == networks[i] && (best < 0 || prefixes[i] > prefixes[best])) {
                    best = i;
                }
            }
            Optional<String> expected = best < 0 ? Optional.empty() : Optional.of(cidrs.get(best));
            assertThat(list.match(IpText.formatV4(address)).map(IpMatch::range)).as(IpText.formatV4(address))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aLargeIpv6ListFindsTheSameLongestPrefixAsCheckingEveryEntry() {
        SplittableRandom random = new SplittableRandom(11);
        long[] bases = {0x20010db800000000L, 0x2a0aa44000000000L, 0x260650c000000000L, 0xffff000000000000L, 0L};
        int count = 8_000;
        long[] highs = new long[count];
        long[] lows = new long[count];
        int[] prefixes = new int[count];
        List<String> cidrs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int prefix = random.nextInt(3) == 0 ? 16 + random.nextInt(112) : 128;
            long high = bases[random.nextInt(bases.length)] + random.nextInt(1 << 12);
            long low = random.nextInt(4);
            highs[i] = high & highMask(prefix);
            lows[i] = low & lowMask(prefix);
            prefixes[i] = prefix;
            cidrs.add(IpText.formatV6(highs[i], lows[i]) + "/" + prefix);
        }
        IpList list = IpListBuilder.fromCidrs("large6", cidrs);

        for (int probe = 0; probe < 8_000; probe++) {
            long high;
            long low;
            if (probe % 2 == 0) {
                int entry = random.nextInt(count);
                high = highs[entry];
                low = lows[entry] + random.nextInt(2);
            } else {
                high = bases[random.nextInt(bases.length)] + random.nextInt(1 << 13);
                low = random.nextInt(4);
            }
            int best = -1;
            for (int i = 0; i < count; i++) {
                if ((high & highMask(prefixes[i])) == highs[i] && (low & lowMask(prefixes[i])) == lows[i]
                        && (best < 0 || prefixes[i] > prefixes[best])) {
                    best = i;
                }
            }
            Optional<String> expected = best < 0 ? Optional.empty() : Optional.of(cidrs.get(best));
            String text = IpText.formatV6(high, low);
            assertThat(list.match(text).map(IpMatch::range)).as(text).isEqualTo(expected);
        }
    }

    private static long highMask(int prefix) {
        return prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long lowMask(int prefix) {
        return prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    }
}
