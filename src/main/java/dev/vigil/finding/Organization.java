package dev.vigil.finding;

/** Who owns a remote address, as GuardDuty (or a lookup) tells it. {@code asn} is kept as text: it arrives as a string or a number. */
public record Organization(String asn, String asnOrg, String isp, String org) {

    public static final Organization UNKNOWN = new Organization(null, null, null, null);

    /** The best single name: asnOrg, else org, else isp; null when none is known. */
    public String name() {
        if (asnOrg != null && !asnOrg.isBlank()) {
            return asnOrg;
        }
        if (org != null && !org.isBlank()) {
            return org;
        }
        return isp != null && !isp.isBlank() ? isp : null;
    }
}
