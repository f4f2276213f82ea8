package dev.vigil.intel;

import java.util.Map;
import java.util.Set;

/**
 * An AWS account as the account directory describes it: the runbook's account "flavor" (name), owning team and contact.
 *
 * @param usesFlux whether the owning team pulls from GitHub with Flux (port 22 to GitHub is then expected); null when unknown
 * @param exposedInstances instances exposed to the internet by design, each with its declared public ports
 */
public record Account(String id, String name, String team, String contact, String channel, Environment environment,
                      Boolean usesFlux, Map<String, Set<Integer>> exposedInstances) {

    public Account {
        environment = environment == null ? Environment.UNKNOWN : environment;
        exposedInstances = exposedInstances == null ? Map.of() : Map.copyOf(exposedInstances);
    }
}
