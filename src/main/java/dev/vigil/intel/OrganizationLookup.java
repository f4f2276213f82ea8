package dev.vigil.intel;

import dev.vigil.finding.Organization;
import java.util.Optional;

/** Who owns an address, from a MaxMind ASN database when one is configured. Thread-safe. */
public interface OrganizationLookup {

    OrganizationLookup NONE = ip -> Optional.empty();

    Optional<Organization> lookup(String ip);
}
