package dev.vigil.intel.lists;

/** An IP address parsed once, to look up in several lists. {@code high} is 0 for IPv4; {@code low} holds the address. */
record ParsedIp(boolean isV4, long high, long low) {

    /** The parsed address, or null when the text is not an IP address. */
    static ParsedIp parse(String text) {
        long v4 = IpText.parseV4(text);
        if (v4 != IpText.NOT_V4) {
            return new ParsedIp(true, 0, v4);
        }
        if (text.indexOf(':') < 0) {
            return null;
        }
        long[] v6 = IpText.parseV6(text.trim());
        if (v6 == null) {
            return null;
        }
        long mapped = IpText.mappedV4(v6);
        return mapped != IpText.NOT_V4 ? new ParsedIp(true, 0, mapped) : new ParsedIp(false, v6[0], v6[1]);
    }
}
