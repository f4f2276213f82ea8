package dev.vigil.finding;

/**
 * The remote side of an activity. {@code ip} is IPv4 or IPv6 text; {@code port} may be null (API calls have none).
 */
public record RemoteEndpoint(String ip, Integer port, String portName, Organization organization, String country,
                             String city, String domain) {

    public RemoteEndpoint {
        organization = organization == null ? Organization.UNKNOWN : organization;
    }

    /** {@code 198.51.100.7:4444}, {@code [2001:db8::1]:22}, or the ip or domain alone when there is no port. */
    public String label() {
        String host = ip != null ? (ip.contains(":") && port != null ? "[" + ip + "]" : ip) : (domain == null ? "" : domain);
        return port == null ? host : host + ":" + port;
    }
}
