package dev.vigil.playbook;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.vigil.intel.IpMatch;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vigil's CEL functions, all registered here: name, signature, description and example (docs/playbook-reference.md is
 * generated from this registry, and a test compiles every example).
 *
 * <p>How unknowns work: conditions are two-valued. {@code ip.inList(name)} is false when the IP is not in the list and
 * also when the list is not loaded, so a rule that needs the list does not fire without it; {@code ip.listLoaded(name)}
 * tells the two apart, and questions use {@code answer(known, value)} to answer {@code unknown} instead of guessing.
 */
public final class VigilFunctions {

    private static final Map<String, FunctionSpec> BY_OVERLOAD = new LinkedHashMap<>();
    private static final Map<String, IPAddress> CIDRS = new ConcurrentHashMap<>();

    static {
        CelType string = SimpleType.STRING;
        CelType bool = SimpleType.BOOL;
        CelType integer = SimpleType.INT;
        add("ip.inList", "ip_in_list", List.of(p("list", string)), bool,
                "Whether the remote IP is in the named IP list (longest-prefix match). False when it is not, and when the list"
                        + " is not loaded: check ip.listLoaded(list) or use answer() where that matters.",
                "ip.inList('github-git') && finding.port == 22",
                (s, a) -> s.listLoaded((String) a[0]) && s.matchOrNull((String) a[0]) != null);
        add("ip.listLoaded", "ip_list_loaded", List.of(p("list", string)), bool,
                "Whether the named IP list is loaded (configured in vigil.yaml, or bundled like known-hosts).",
                "answer(ip.listLoaded('tor-exits'), ip.inList('tor-exits'))", (s, a) -> s.listLoaded((String) a[0]));
        add("ip.matchedRange", "ip_matched_range", List.of(p("list", string)), string,
                "The entry of the named list that contains the remote IP, in CIDR form (e.g. 140.82.112.0/20); empty when none.",
                "ip.matchedRange('github-git')", (s, a) -> {
                    IpMatch match = s.matchOrNull((String) a[0]);
                    return match == null ? "" : match.range();
                });
        add("ip.listNote", "ip_list_note", List.of(p("list", string)), string,
                "The note of the matching entry (a known host's reason, an AWS range's service and region); empty when none.",
                "ip.listNote('known-hosts')", (s, a) -> {
                    IpMatch match = s.matchOrNull((String) a[0]);
                    return match == null || match.note() == null ? "" : match.note();
                });
        add("ip.lists", "ip_lists", List.of(), ListType.create(string),
                "The names of the loaded lists that contain the remote IP, sorted; empty for an unfamiliar destination.",
                "size(ip.lists()) == 0", (s, a) -> sorted(s.ipMatches().keySet()));
        add("ip.inCidr", "ip_in_cidr", List.of(p("cidr", string)), bool,
                "Whether the remote IP is inside the CIDR range (IPv4 or IPv6); false when the finding has no remote IP.",
                "ip.inCidr('10.0.0.0/8')", (s, a) -> inCidr(s.remoteIp(), (String) a[0]));
        add("port.isStandard", "port_is_standard", List.of(), bool,
                "Whether finding.port is a standard port (vigil.yaml ports.standard; by default 22, 80, 443 and other well-known ones).",
                "!port.isStandard()", (s, a) -> s.port() != 0 && s.intel().ports().isStandard((int) s.port()));
        add("port.isStandard", "port_is_standard_int", List.of(p("port", integer)), bool,
                "Whether the given port is a standard port.", "probe.ports.all(p, port.isStandard(p))",
                (s, a) -> s.intel().ports().isStandard(((Long) a[0]).intValue()));
        add("port.isExploitation", "port_is_exploitation", List.of(), bool,
                "Whether finding.port is associated with exploitation (vigil.yaml ports.exploitation; by default 4444, 8088, ...).",
                "port.isExploitation()", (s, a) -> s.port() != 0 && s.intel().ports().isExploitation((int) s.port()));
        add("port.isExploitation", "port_is_exploitation_int", List.of(p("port", integer)), bool,
                "Whether the given port is associated with exploitation.", "probe.ports.exists(p, port.isExploitation(p))",
                (s, a) -> s.intel().ports().isExploitation(((Long) a[0]).intValue()));
        add("history.seenBefore", "history_seen_before", List.of(), bool,
                "Whether this instance (or, without one, this account) reached the same remote IP and port in a finding seen"
                        + " earlier (earlier in the input, or in the case store).",
                "history.seenBefore()", (s, a) -> s.seenBefore());
        add("history.instancesWithPattern", "history_instances_with_pattern", List.of(), ListType.create(string),
                "The distinct instances (sorted, this one included) showing the same finding type to the same remote IP and"
                        + " port within the history window (default 24 h).",
                "size(history.instancesWithPattern()) >= 2", (s, a) -> s.instancesWithPattern());
        add("instance.exposed", "instance_exposed", List.of(), bool,
                "Whether the account directory declares this instance exposed to the internet by design (false when unknown).",
                "!instance.exposed()", (s, a) -> s.instanceExposed());
        add("instance.exposedPorts", "instance_exposed_ports", List.of(), ListType.create(integer),
                "The public ports declared for this instance in the account directory, sorted; empty when none.",
                "probe.ports.all(p, p in instance.exposedPorts())", (s, a) -> s.exposedPorts());
        add("date.today", "date_today", List.of(), string,
                "Today's date (UTC) as YYYY-MM-DD, from the triage clock.", "date.today() >= '2026-01-01'",
                (s, a) -> s.today().toString());
        add("date.isPast", "date_is_past", List.of(p("date", string)), bool,
                "Whether the date (YYYY-MM-DD) is before today; a suppression's `expires` uses the same rule.",
                "date.isPast('2027-06-30')", (s, a) -> parseDate((String) a[0]).isBefore(s.today()));
        add("date.daysUntil", "date_days_until", List.of(p("date", string)), integer,
                "Days from today to the date (YYYY-MM-DD); negative once it has passed.", "date.daysUntil('2027-06-30') < 30",
                (s, a) -> ChronoUnit.DAYS.between(s.today(), parseDate((String) a[0])));
        add("answer", "answer_known_value", List.of(p("known", bool), p("value", bool)), string,
                "A question's answer: 'unknown' when known is false, else 'yes' or 'no' from value.",
                "answer(account.known, account.usesFlux)",
                (s, a) -> !((Boolean) a[0]) ? "unknown" : ((Boolean) a[1]) ? "yes" : "no");
    }

    private VigilFunctions() {
    }

    private static FunctionSpec.Parameter p(String name, CelType type) {
        return new FunctionSpec.Parameter(name, type);
    }

    private static void add(String name, String overloadId, List<FunctionSpec.Parameter> parameters, CelType result,
                            String description, String example, FunctionSpec.Implementation implementation) {
        BY_OVERLOAD.put(overloadId, new FunctionSpec(name, overloadId, parameters, result, description, example, implementation));
    }

    public static List<FunctionSpec> all() {
        return List.copyOf(BY_OVERLOAD.values());
    }

    /** The distinct function names, e.g. {@code ip.inList}. */
    public static List<String> names() {
        return new ArrayList<>(new java.util.LinkedHashSet<>(BY_OVERLOAD.values().stream().map(FunctionSpec::name).toList()));
    }

    static FunctionSpec byOverloadId(String overloadId) {
        return BY_OVERLOAD.get(overloadId);
    }

    static FunctionSpec byNameAndArity(String name, int arity) {
        for (FunctionSpec function : BY_OVERLOAD.values()) {
            if (function.name().equals(name) && function.parameters().size() == arity) {
                return function;
            }
        }
        return null;
    }

    /** Checks a literal argument at load time: a CIDR for ip.inCidr, a date for the date functions. Empty when fine. */
    static Optional<String> checkLiteral(String function, String literal) {
        if (function.equals("ip.inCidr")) {
            return cidr(literal).isPresent() ? Optional.empty()
                    : Optional.of("\"" + literal + "\" is not an IP range: write it as 203.0.113.0/24 or 2001:db8::/32");
        }
        if (function.startsWith("date.") && !function.equals("date.today")) {
            try {
                parseDate(literal);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date: write it as YYYY-MM-DD, e.g. 2027-06-30");
        }
    }

    /** The names in order; most remote IPs are in no list or one, which need no sorting. */
    private static List<String> sorted(Set<String> names) {
        if (names.size() <= 1) {
            return List.copyOf(names);
        }
        return List.copyOf(new TreeSet<>(names));
    }

    private static Optional<IPAddress> cidr(String text) {
        IPAddress cached = CIDRS.get(text);
        if (cached != null) {
            return Optional.of(cached);
        }
        IPAddress address = new IPAddressString(text.trim()).getAddress();
        if (address == null) {
            return Optional.empty();
        }
        CIDRS.put(text, address.toPrefixBlock());
        return Optional.of(address.toPrefixBlock());
    }

    private static boolean inCidr(String ip, String range) {
        if (ip.isEmpty()) {
            return false;
        }
        IPAddress address = new IPAddressString(ip).getAddress();
        return address != null && cidr(range).map(block -> block.contains(address)).orElse(false);
    }
}
