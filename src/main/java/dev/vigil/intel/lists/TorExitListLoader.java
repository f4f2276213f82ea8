package dev.vigil.intel.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The Tor Project's bulk exit list (https://check.torproject.org/torbulkexitlist): one exit IP address a line. */
public final class TorExitListLoader implements ListLoader {

    static final String NOTE = "Tor exit node";

    @Override
    public String kind() {
        return "tor-exits";
    }

    @Override
    public String description() {
        return "the Tor bulk exit list: one exit IP address a line (blank lines and # comments skipped)";
    }

    @Override
    public String example() {
        return "185.220.101.1\n198.51.100.66\n2001:db8:70c::1\n";
    }

    @Override
    public void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String address = line.trim();
            if (address.isEmpty() || address.startsWith("#")) {
                continue;
            }
            if (address.indexOf('/') >= 0 || address.indexOf(' ') >= 0) {
                errors.add(number, "bad_address", "\"" + address + "\" is not a single IP address:"
                        + " a Tor exit list has one address a line (use kind: cidr for ranges)");
                continue;
            }
            try {
                builder.add(address, NOTE);
            } catch (IllegalArgumentException e) {
                errors.add(number, "bad_address", e.getMessage() + ": a Tor exit list has one IP address a line");
            }
        }
    }
}
