package dev.vigil.intel.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Plain lists: one IP address or CIDR range a line; {@code #} starts a comment. What follows the address on its line
 * (after {@code #}, or as a second column separated by a space, tab or comma) is the entry's note.
 */
public final class CidrListLoader implements ListLoader {

    @Override
    public String kind() {
        return "cidr";
    }

    @Override
    public String description() {
        return "one IP address or CIDR range a line, # comments, an optional note after # or as a second column";
    }

    @Override
    public String example() {
        return "# threat intel, 2026-11\n203.0.113.0/24  # scanner network seen in incident 42\n198.51.100.23, c2 server\n2001:db8:bad::/48\n";
    }

    @Override
    public void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            addLine(line, number, builder, errors);
        }
    }

    static void addLine(String line, int number, IpListBuilder builder, FileErrors errors) {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (start == end || line.charAt(start) == '#') {
            return;
        }
        int cut = start;
        while (cut < end && !isSeparator(line.charAt(cut))) {
            cut++;
        }
        String address = line.substring(start, cut);
        String note = note(line, cut);
        try {
            builder.add(address, note);
        } catch (IllegalArgumentException e) {
            errors.add(number, "bad_address", e.getMessage() + ": write one IP address or CIDR range a line");
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == '#' || c == ';';
    }

    private static String note(String line, int from) {
        int start = from;
        while (start < line.length() && (isSeparator(line.charAt(start)))) {
            start++;
        }
        String note = line.substring(start).trim();
        return note.isEmpty() ? null : note;
    }
}
