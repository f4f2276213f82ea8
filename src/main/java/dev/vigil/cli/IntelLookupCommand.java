package dev.vigil.cli;

import dev.vigil.finding.Organization;
import dev.vigil.intel.Intel;
import dev.vigil.intel.IpMatch;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.VigilConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil intel lookup IP}: which lists contain an address, with the matched range and note, and its ASN owner. */
@Command(name = "lookup",
        mixinStandardHelpOptions = true,
        description = {"Show which lists contain IP (longest matching range and its note) and who owns it (ASN).",
                "",
                "Example:",
                "  vigil intel lookup 140.82.112.4 --config examples/vigil.yaml"})
public final class IntelLookupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IP", description = "an IPv4 or IPv6 address")
    String ip;

    @Option(names = "--config", paramLabel = "FILE", description = "vigil.yaml (default: none, the bundled defaults)")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (dev.vigil.intel.lists.IpText.parseV4(ip) == dev.vigil.intel.lists.IpText.NOT_V4
                && dev.vigil.intel.lists.IpText.parseV6(ip) == null) {
            throw new ExitCodes.ConfigurationException("\"" + ip + "\" is not an IP address: give one such as 192.0.2.1 or 2001:db8::1");
        }
        VigilConfig vigilConfig = config == null ? VigilConfig.defaults() : VigilConfig.load(config);
        Intel intel = vigilConfig.intel(new InMemoryHistory());
        List<IpMatch> matches = intel.ipLists().matchAll(ip);
        out.println(ip + ":");
        for (String list : intel.ipLists().names()) {
            Optional<IpMatch> match = matches.stream().filter(m -> m.list().equals(list)).findFirst();
            out.printf("  %-16s %s%n", list, match.map(m -> "in " + m.range() + (m.note() == null ? "" : "  (" + m.note() + ")"))
                    .orElse("-"));
        }
        Optional<Organization> organization = intel.organizations().lookup(ip);
        out.println("  organization     " + (vigilConfig.asnDatabase() == null ? "unknown (no geoip asn-database configured)"
                : organization.map(o -> (o.asn() == null ? "" : "AS" + o.asn() + " ") + (o.name() == null ? "" : o.name()))
                        .orElse("not in the ASN database")));
        out.flush();
        return ExitCodes.OK;
    }
}
