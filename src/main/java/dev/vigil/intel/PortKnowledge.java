package dev.vigil.intel;

import java.util.Set;

/**
 * What Vigil knows about ports: the standard ones (expected for outbound traffic) and the ones associated with exploitation.
 * The defaults follow the runbooks: 22, 80 and 443 are "common but unexpected" standard ports; 4444 and 8088 are exploitation ports.
 */
public record PortKnowledge(Set<Integer> standard, Set<Integer> exploitation) {

    public static final Set<Integer> DEFAULT_STANDARD = Set.of(20, 21, 22, 23, 25, 53, 80, 110, 123, 143, 389, 443, 465,
            587, 636, 993, 995, 3306, 5432);
    public static final Set<Integer> DEFAULT_EXPLOITATION = Set.of(4444, 4445, 5555, 6666, 6667, 8088, 1337, 31337);

    public static final PortKnowledge DEFAULTS = new PortKnowledge(DEFAULT_STANDARD, DEFAULT_EXPLOITATION);

    public PortKnowledge {
        standard = Set.copyOf(standard);
        exploitation = Set.copyOf(exploitation);
    }

    public boolean isStandard(int port) {
        return standard.contains(port);
    }

    public boolean isExploitation(int port) {
        return exploitation.contains(port);
    }
}
