package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.IpMatch;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Both layouts of the index (the one for small lists, and the one for large lists with its bitmap of occupied blocks
 * and its /16 buckets: for IPv4 a record of up to 13 starts, or a search of the rest; for IPv6 a table in front of a
 * binary search) answer what checking every entry one by one answers,
 * over the whole prefix range (/0 to /32, /0 to /128), the ends of the address space, and ranges that nest, repeat,
 * touch or crowd one /16.
 */
class IpIndexPropertyTest {

    private static final BigInteger V6_TOP = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    record Cidr(boolean v4, BigInteger network, int prefix) {
        int width() {
            return v4 ? 32 : 128;
        }

        BigInteger first() {
            return network.shiftRight(width() - prefix).shiftLeft(width() - prefix);
        }

        BigInteger last() {
            return first().add(BigInteger.ONE.shiftLeft(width() - prefix)).subtract(BigInteger.ONE);
        }

        boolean contains(Address address) {
            return address.v4() == v4 && address.value().compareTo(first()) >= 0 && address.value().compareTo(last()) <= 0;
        }

        String text() {
            return new Address(v4, first()).text() + "/" + prefix;
        }
    }

    record Address(boolean v4, BigInteger value) {
        String text() {
            if (v4) {
                return IpText.formatV4(value.longValue());
            }
            return IpText.formatV6(value.shiftRight(64).longValue(), value.longValue());
        }
    }

    /** Addresses near the ends of each space and of the IPv4-mapped range, in one crowded /16, and anywhere. */
    @Provide
    Arbitrary<Address> addresses() {
        Arbitrary<BigInteger> v4 = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0x1FF),
                Arbitraries.longs().between(0xFFFFFE00L, 0xFFFFFFFFL),
                Arbitraries.longs().between(0x0A2A0000L, 0x0A2AFFFFL),
                Arbitraries.longs().between(0x0A2A0F00L, 0x0A2A0FFFL),
                Arbitraries.longs().between(0, 0xFFFFFFFFL)).map(BigInteger::valueOf);
        BigInteger db8 = new BigInteger("20010db8000000000000000000000000", 16);
        Arbitrary<BigInteger> v6 = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0x1FF).map(BigInteger::valueOf),
                Arbitraries.longs().between(0, 0x1FF).map(offset -> V6_TOP.subtract(BigInteger.valueOf(offset))),
                Arbitraries.longs().between(0, 0xFFFF).map(offset -> db8.add(BigInteger.valueOf(offset).shiftLeft(56))),
                // both ends of ::ffff:0:0/96, the IPv4-mapped addresses
                Arbitraries.longs().between(0xFFFF00000000L - 0x100, 0xFFFF00000000L + 0xFF).map(BigInteger::valueOf),
                Arbitraries.longs().between(0xFFFFFFFFFFFFL - 0xFF, 0xFFFFFFFFFFFFL + 0x100).map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, V6_TOP));
        return Arbitraries.frequencyOf(
                Tuple.of(3, v4.map(value -> new Address(true, value))),
                Tuple.of(1, v6.map(value -> new Address(false, value))));
    }

    /** Mostly single addresses (/32, /128), some wider ranges, now and then /0 and its neighbours. */
    @Provide
    Arbitrary<Cidr> cidrs() {
        Arbitrary<Integer> v4Prefix = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(32)),
                Tuple.of(4, Arbitraries.integers().between(20, 31)),
                Tuple.of(2, Arbitraries.integers().between(8, 19)),
                Tuple.of(1, Arbitraries.integers().between(0, 1)));
        Arbitrary<Integer> v6Prefix = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(128)),
                Tuple.of(4, Arbitraries.integers().between(100, 127)),
                Tuple.of(2, Arbitraries.integers().between(2, 99)),
                Tuple.of(1, Arbitraries.integers().between(0, 1)));
        return Combinators.combine(addresses(), v4Prefix, v6Prefix)
                .as((address, prefix4, prefix6) -> new Cidr(address.v4(), address.value(), address.v4() ? prefix4 : prefix6));
    }

    @Property(tries = 400)
    void bothLayoutsFindTheLongestPrefixThatCheckingEveryEntryFinds(
            @ForAll @Size(max = 60) List<@From("cidrs") Cidr> drawn,
            @ForAll @Size(max = 30) List<@From("addresses") Address> probes) {
        List<Cidr> cidrs = new ArrayList<>(drawn);
        // neighbours: the range just after each of the first few, and one nested in it
        for (int i = 0; i < Math.min(5, drawn.size()); i++) {
            Cidr cidr = drawn.get(i);
            BigInteger next = cidr.last().add(BigInteger.ONE);
            if (next.bitLength() <= cidr.width()) {
                cidrs.add(new Cidr(cidr.v4(), next, cidr.prefix()));
            }
            if (cidr.prefix() < cidr.width()) {
                cidrs.add(new Cidr(cidr.v4(), cidr.last(), Math.min(cidr.width(), cidr.prefix() + 3)));
            }
        }
        List<Address> all = new ArrayList<>(probes);
        all.add(new Address(true, BigInteger.ZERO));
        all.add(new Address(true, BigInteger.valueOf(0xFFFFFFFFL)));
        all.add(new Address(false, BigInteger.ZERO));
        all.add(new Address(false, V6_TOP));
        for (Cidr cidr : cidrs) {
            all.add(new Address(cidr.v4(), cidr.first()));
            all.add(new Address(cidr.v4(), cidr.last()));
            if (cidr.first().signum() > 0) {
                all.add(new Address(cidr.v4(), cidr.first().subtract(BigInteger.ONE)));
            }
            if (cidr.last().add(BigInteger.ONE).bitLength() <= cidr.width()) {
                all.add(new Address(cidr.v4(), cidr.last().add(BigInteger.ONE)));
            }
        }
        IpList small = build(cidrs, Integer.MAX_VALUE);
        IpList large = build(cidrs, 0);
        for (Address probe : all) {
            Optional<IpMatch> expected = checkingEveryEntry(cidrs, probe);
            for (IpList list : List.of(small, large)) {
                Optional<IpMatch> actual = list.match(probe.text());
                assertThat(actual.map(IpMatch::range)).as("%s in %s", probe.text(), list).isEqualTo(expected.map(IpMatch::range));
                assertThat(actual.map(IpMatch::note)).as("%s in %s", probe.text(), list).isEqualTo(expected.map(IpMatch::note));
            }
        }
    }

    private static Cidr unmapped(Cidr cidr) {
        if (cidr.prefix() >= 96 && isMapped(cidr.v4(), cidr.first())) {
            return new Cidr(true, low32(cidr.first()), cidr.prefix() - 96);
        }
        return cidr;
    }

    private static boolean isMapped(boolean v4, BigInteger value) {
        return !v4 && value.shiftRight(32).equals(BigInteger.valueOf(0xFFFF));
    }

    private static BigInteger low32(BigInteger value) {
        return value.and(BigInteger.valueOf(0xFFFFFFFFL));
    }

    private static IpList build(List<Cidr> cidrs, int largeFrom) {
        IpListBuilder builder = new IpListBuilder(largeFrom == 0 ? "large" : "small", "cidr", "memory").largeFrom(largeFrom);
        for (int i = 0; i < cidrs.size(); i++) {
            builder.add(cidrs.get(i).text(), "entry " + i);
        }
        return builder.build();
    }

    /**
     * The longest prefix containing the address; of equal entries, the first one added. An IPv4-mapped IPv6 address
     * ({@code ::ffff:192.0.2.1}) is its IPv4 address, and so is a range of them (a prefix of at least 96 bits inside
     * {@code ::ffff:0:0/96}).
     */
    private static Optional<IpMatch> checkingEveryEntry(List<Cidr> drawn, Address probe) {
        List<Cidr> cidrs = drawn.stream().map(IpIndexPropertyTest::unmapped).toList();
        Address address = isMapped(probe.v4(), probe.value()) ? new Address(true, low32(probe.value())) : probe;
        int best = -1;
        for (int i = 0; i < cidrs.size(); i++) {
            Cidr cidr = cidrs.get(i);
            if (cidr.contains(address) && (best < 0 || cidr.prefix() > cidrs.get(best).prefix())) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new IpMatch("p", cidrs.get(best).text(), "entry " + best));
    }
}
