package dev.vigil.bench;

import java.util.SplittableRandom;

/** A threat-list entry for the benchmark: an address or a CIDR range, IPv4 or IPv6, and an address inside it. */
record Indicator(String cidr, String addressInside) {

    /** About 90 % IPv4 (three quarters single addresses, a quarter /16 to /31), 10 % IPv6 (/128, or /32 to /64). */
    static Indicator random(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            String address = randomV6(random);
            if (random.nextInt(4) != 0) {
                return new Indicator(address, address);
            }
            int prefix = 32 + random.nextInt(33);
            return new Indicator(address + "/" + prefix, address);
        }
        int address = random.nextInt();
        if (random.nextInt(4) != 0) {
            String text = dotted(address);
            return new Indicator(text, text);
        }
        // threat lists hold mostly /24 to /31 networks and some /16 to /23 (wider ones would cover most of the space)
        int prefix = random.nextInt(5) == 0 ? 16 + random.nextInt(8) : 24 + random.nextInt(8);
        int network = address & (-1 << (32 - prefix));
        return new Indicator(dotted(network) + "/" + prefix, dotted(network | 1));
    }

    static String randomV4(SplittableRandom random) {
        return dotted(random.nextInt());
    }

    /** A global unicast IPv6 address (2000::/3), written compressed as findings carry them. */
    static String randomV6(SplittableRandom random) {
        return String.format("%x:%x:%x:%x::%x", 0x2000 + random.nextInt(0x2000), random.nextInt(0x10000),
                random.nextInt(0x10000), 1 + random.nextInt(0xFFFF), 1 + random.nextInt(0xFFFF));
    }

    private static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }
}
