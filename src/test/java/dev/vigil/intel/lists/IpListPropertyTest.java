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
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The interval index answers exactly what checking every entry one by one answers. */
class IpListPropertyTest {

    record Cidr(boolean v4, BigInteger network, int prefix) {
        int width() {
            return v4 ? 32 : 128;
        }

        BigInteger masked() {
            return network.shiftRight(width() - prefix).shiftLeft(width() - prefix);
        }

        boolean contains(boolean addressV4, BigInteger address) {
            return addressV4 == v4 && address.shiftRight(width() - prefix).equals(network.shiftRight(width() - prefix));
        }

        String text() {
            return format(v4, masked()) + "/" + prefix;
        }
    }

    record Address(boolean v4, BigInteger value) {
        String text() {
            return format(v4, value);
        }
    }

    static String format(boolean v4, BigInteger value) {
        if (v4) {
            return IpText.formatV4(value.longValue());
        }
        return IpText.formatV6(value.shiftRight(64).longValue(), value.longValue());
    }

    /** Addresses from a few small neighbourhoods, so that ranges overlap and nest often. */
    @Provide
    Arbitrary<Address> addresses() {
        Arbitrary<BigInteger> v4 = Arbitraries.of(0x0A000000L, 0xC0000200L, 0xFFFFFF00L, 0x00000000L)
                .flatMap(base -> Arbitraries.longs().between(0, 0x3FF).map(offset -> BigInteger.valueOf((base + offset) & 0xFFFFFFFFL)));
        BigInteger db8 = new BigInteger("20010db8000000000000000000000000", 16);
        BigInteger top = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        Arbitrary<BigInteger> v6 = Arbitraries.of(db8, top.subtract(BigInteger.valueOf(0x3FF)), BigInteger.ZERO)
                .flatMap(base -> Arbitraries.longs().between(0, 0x3FF)
                        .map(offset -> base.add(BigInteger.valueOf(offset)).add(
                                offset % 3 == 0 ? BigInteger.ONE.shiftLeft(64) : BigInteger.ZERO).min(top)));
        return Arbitraries.oneOf(v4.map(value -> new Address(true, value)), v6.map(value -> new Address(false, value)));
    }

    @Provide
    Arbitrary<Cidr> cidrs() {
        return Combinators.combine(addresses(), Arbitraries.integers().between(0, 128))
                .as((address, prefix) -> new Cidr(address.v4(), address.value(),
                        address.v4() ? Math.max(20, prefix % 33) : Math.max(100, prefix)));
    }

    @Property(tries = 300)
    void theIndexFindsTheSameLongestPrefixAsCheckingEveryEntry(
            @ForAll @Size(max = 40) List<@From("cidrs") Cidr> cidrs,
            @ForAll @Size(max = 40) List<@From("addresses") Address> probes) {
        IpListBuilder builder = new IpListBuilder("p", "cidr", "memory");
        List<Cidr> entries = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            builder.add(cidrs.get(i).text(), "entry " + i);
            entries.add(cidrs.get(i));
        }
        IpList list = builder.build();
        List<Address> all = new ArrayList<>(probes);
        cidrs.forEach(cidr -> all.add(new Address(cidr.v4(), cidr.masked())));
        for (Address probe : all) {
            Optional<IpMatch> expected = bruteForce(entries, probe);
            Optional<IpMatch> actual = list.match(probe.text());
            assertThat(actual.map(IpMatch::range)).as("range of %s", probe.text())
                    .isEqualTo(expected.map(IpMatch::range));
            assertThat(actual.map(IpMatch::note)).as("note of %s", probe.text()).isEqualTo(expected.map(IpMatch::note));
        }
    }

    /** The longest prefix containing the address; of equal entries, the first one. */
    private static Optional<IpMatch> bruteForce(List<Cidr> entries, Address address) {
        int best = -1;
        for (int i = 0; i < entries.size(); i++) {
            Cidr cidr = entries.get(i);
            if (cidr.contains(address.v4(), address.value()) && (best < 0 || cidr.prefix() > entries.get(best).prefix())) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new IpMatch("p", entries.get(best).text(), "entry " + best));
    }

    @Property(tries = 300)
    void theHandWrittenIpv6ParserAgreesWithTheIpaddressLibrary(@ForAll("addresses") Address address) {
        if (address.v4()) {
            return;
        }
        String text = address.text();
        long[] parsed = new long[2];
        assertThat(IpText.parseV6(text, 0, text.length(), parsed)).as(text).isTrue();
        long[] library = IpText.halves(new inet.ipaddr.IPAddressString(text).getAddress().getBytes());
        assertThat(parsed).as(text).containsExactly(library);
    }
}
