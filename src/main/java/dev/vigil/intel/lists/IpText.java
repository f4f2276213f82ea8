package dev.vigil.intel.lists;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Cheap parsing of IP address text. IPv4 dotted quads are parsed by hand (the hot path: one parse per look-up);
 * IPv6 text goes through the ipaddress library. IPv4-mapped IPv6 addresses ({@code ::ffff:1.2.3.4}) count as IPv4.
 */
public final class IpText {

    /** Returned by {@link #parseV4} when the text is not an IPv4 address. */
    public static final long NOT_V4 = -1L;

    private IpText() {
    }

    /**
     * The IPv4 address in {@code text[from, to)} as an unsigned value, or {@link #NOT_V4}. Leading zeros are rejected
     * ({@code 010.0.0.1} is octal to some tools).
     *
     * <p>This runs once per look-up, and a look-up into large lists waits on cache misses: the fewer instructions the
     * parse takes, the further the processor gets into the next look-ups while it waits. So a digit costs a compare
     * and a multiply-add, and an octet is checked once, at its end. It takes a String, not a CharSequence: C1 calls
     * an interface's charAt through its table for every character.
     */
    public static long parseV4(String text, int from, int to) {
        if (to - from < 7 || to - from > 15) {
            return NOT_V4;
        }
        int address = 0;
        int value = 0;
        int digits = 0;
        int dots = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit >= 0 && digit <= 9) {
                value = value * 10 + digit;
                digits++;
            } else if (digit == '.' - '0' && dots < 3 && isOctet(value, digits)) {
                address = address << 8 | value;
                value = 0;
                digits = 0;
                dots++;
            } else {
                return NOT_V4;
            }
        }
        if (dots != 3 || !isOctet(value, digits)) {
            return NOT_V4;
        }
        return (address << 8 | value) & 0xFFFFFFFFL;
    }

    /** One to three digits worth at most 255, without a leading zero. */
    private static boolean isOctet(int value, int digits) {
        return digits == 1 || digits == 2 && value >= 10 || digits == 3 && value >= 100 && value <= 255;
    }

    public static long parseV4(String text) {
        return parseV4(text, 0, text.length());
    }

    /**
     * The IPv6 address in {@code text} as {high, low} 64-bit halves, or null when it is not an IPv6 address.
     * An IPv4-mapped address returns null; callers try {@link #parseV4} first and {@link #mappedV4} for those.
     */
    public static long[] parseV6(String text) {
        long[] halves = new long[2];
        if (parseV6(text, 0, text.length(), halves)) {
            return halves;
        }
        if (text.indexOf('%') >= 0 || text.indexOf('/') >= 0) {
            return null;
        }
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null || !address.isIPv6() || address.getNetworkPrefixLength() != null) {
            return null;
        }
        return halves(address.getBytes());
    }

    /**
     * Parses the common IPv6 forms by hand ({@code 2001:db8::1}, full eight groups, {@code ::}, an IPv4 tail
     * {@code ::ffff:192.0.2.1}) into {@code out}; false when the text is something else (the caller may then try the
     * ipaddress library, which knows every form).
     */
    public static boolean parseV6(String text, int from, int to, long[] out) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - from < 2) {
            return false;
        }
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
            if (i == to) {
                out[0] = 0;
                out[1] = 0;
                return true;
            }
        }
        while (i < to) {
            if (count == 8) {
                return false;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 5) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            int length = i - start;
            if (i < to && text.charAt(i) == '.') {
                if (count > 6) {
                    return false;
                }
                long v4 = parseV4(text, start, to);
                if (v4 == NOT_V4) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            if (length == 0 || length > 4) {
                return false;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        out[0] = ((long) full[0] << 48) | ((long) full[1] << 32) | ((long) full[2] << 16) | full[3];
        out[1] = ((long) full[4] << 48) | ((long) full[5] << 32) | ((long) full[6] << 16) | full[7];
        return true;
    }

    /** The {high, low} halves of 16 address bytes. */
    static long[] halves(byte[] bytes) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xFF);
            low = (low << 8) | (bytes[i + 8] & 0xFF);
        }
        return new long[] {high, low};
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), or {@link #NOT_V4}. */
    public static long mappedV4(long[] v6) {
        if (v6[0] == 0 && (v6[1] >>> 32) == 0xFFFFL) {
            return v6[1] & 0xFFFFFFFFL;
        }
        return NOT_V4;
    }

    public static String formatV4(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    public static String formatV6(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return new IPAddressString(toColonHex(bytes)).getAddress().toCompressedString();
    }

    private static String toColonHex(byte[] bytes) {
        StringBuilder text = new StringBuilder(40);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
        }
        return text.toString();
    }
}
