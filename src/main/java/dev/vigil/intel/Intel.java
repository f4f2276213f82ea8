package dev.vigil.intel;

/** Everything triage may consult about a finding's surroundings. */
public record Intel(IpLists ipLists, AccountDirectory accounts, PortKnowledge ports, OrganizationLookup organizations,
                    History history) {
}
