package dev.vigil.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Remote addresses for generated findings: random public IPv4 (never private, shared, loopback, link-local,
 * documentation, benchmarking, multicast or reserved space), some IPv6, GitHub's {@code git} ranges, the runbook's
 * known false-positive host, a pool of Tor exits and a pool of attacker endpoints that recur across instances.
 * The organization and place of an address are a function of the address, so the same IP always reads the same.
 */
final class RemoteHosts {

    /** The runbook's known false-positive host (triage runbook, "False Positives"). */
    static final String KNOWN_HOST = "165.227.16.16";

    /** GitHub's published {@code git} ranges (api.github.com/meta). */
    static final List<String> GITHUB_GIT_RANGES =
            List.of("140.82.112.0/20", "192.30.252.0/22", "185.199.108.0/22", "143.55.64.0/20");

    /** Ports associated with exploitation that the runbook names. */
    static final List<Integer> EXPLOITATION_PORTS = List.of(4444, 8088);

    private static final int[][] NOT_PUBLIC = {
            cidr(0, 0, 0, 0, 8), cidr(10, 0, 0, 0, 8), cidr(100, 64, 0, 0, 10), cidr(127, 0, 0, 0, 8),
            cidr(169, 254, 0, 0, 16), cidr(172, 16, 0, 0, 12), cidr(192, 0, 0, 0, 24), cidr(192, 0, 2, 0, 24),
            cidr(192, 88, 99, 0, 24), cidr(192, 168, 0, 0, 16), cidr(198, 18, 0, 0, 15), cidr(198, 51, 100, 0, 24),
            cidr(203, 0, 113, 0, 24), cidr(224, 0, 0, 0, 4), cidr(240, 0, 0, 0, 4),
            // GitHub's and the known host's addresses only come from their own pickers
            cidr(140, 82, 112, 0, 20), cidr(192, 30, 252, 0, 22), cidr(185, 199, 108, 0, 22), cidr(143, 55, 64, 0, 20),
            cidr(165, 227, 16, 16, 32)};

    private static final List<Organization> ORGANIZATIONS = List.of(
            new Organization("14061", "DIGITALOCEAN-ASN", "DigitalOcean, LLC", "United States", "North Bergen", "40.7930", "-74.0247"),
            new Organization("16509", "AMAZON-02", "Amazon.com, Inc.", "United States", "Ashburn", "39.0437", "-77.4875"),
            new Organization("15169", "GOOGLE", "Google LLC", "United States", "Council Bluffs", "41.2619", "-95.8608"),
            new Organization("8075", "MICROSOFT-CORP-MSN-AS-BLOCK", "Microsoft Corporation", "Netherlands", "Amsterdam", "52.3740", "4.8897"),
            new Organization("24940", "Hetzner Online GmbH", "Hetzner Online GmbH", "Germany", "Falkenstein", "50.4779", "12.3713"),
            new Organization("16276", "OVH SAS", "OVH SAS", "France", "Roubaix", "50.6942", "3.1746"),
            new Organization("4134", "Chinanet", "China Telecom", "China", "Beijing", "39.9075", "116.3972"),
            new Organization("4837", "CHINA UNICOM China169 Backbone", "China Unicom", "China", "Shanghai", "31.2222", "121.4581"),
            new Organization("12389", "Rostelecom", "Rostelecom", "Russia", "Moscow", "55.7522", "37.6156"),
            new Organization("9009", "M247 Europe SRL", "M247 Europe SRL", "Romania", "Bucharest", "44.4323", "26.1063"),
            new Organization("20473", "AS-CHOOPA", "The Constant Company, LLC", "United States", "Piscataway", "40.4993", "-74.3990"),
            new Organization("63949", "Akamai Connected Cloud", "Linode", "United States", "Newark", "40.7357", "-74.1724"),
            new Organization("3462", "Data Communication Business Group", "Chunghwa Telecom Co., Ltd.", "Taiwan", "Taipei", "25.0478", "121.5319"),
            new Organization("45090", "Shenzhen Tencent Computer Systems Company Limited", "Tencent Cloud Computing", "China", "Shenzhen", "22.5455", "114.0683"),
            new Organization("36352", "AS-COLOCROSSING", "ColoCrossing", "United States", "Buffalo", "42.8865", "-78.8784"),
            new Organization("53667", "PONYNET", "FranTech Solutions", "United States", "Las Vegas", "36.1750", "-115.1372"),
            new Organization("60781", "LeaseWeb Netherlands B.V.", "LeaseWeb Netherlands B.V.", "Netherlands", "Amsterdam", "52.3740", "4.8897"),
            new Organization("7922", "COMCAST-7922", "Comcast Cable Communications, LLC", "United States", "Philadelphia", "39.9523", "-75.1638"),
            new Organization("3320", "Deutsche Telekom AG", "Deutsche Telekom AG", "Germany", "Berlin", "52.5244", "13.4105"),
            new Organization("4766", "Korea Telecom", "Korea Telecom", "South Korea", "Seoul", "37.5660", "126.9784"),
            new Organization("28573", "Claro NXT Telecomunicacoes Ltda", "Claro S.A.", "Brazil", "Sao Paulo", "-23.5475", "-46.6361"),
            new Organization("9829", "National Internet Backbone", "BSNL", "India", "Mumbai", "19.0728", "72.8826"));

    private static final Organization GITHUB =
            new Organization("36459", "GITHUB", "GitHub, Inc.", "United States", "San Francisco", "37.7749", "-122.4194");

    private static final List<String> IPV6_PREFIXES = List.of("2a01:4f8", "2604:a880", "2001:41d0", "2a03:b0c0", "2607:f8b0");

    private final List<RemoteHost> torExits;
    private final List<Endpoint> attackerEndpoints;

    RemoteHosts(long seed) {
        SeededRandom random = SeededRandom.derived(seed, 0x70E);
        List<RemoteHost> exits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            exits.add(publicIpv4(random));
        }
        this.torExits = List.copyOf(exits);
        SeededRandom attackers = SeededRandom.derived(seed, 0xBAD);
        List<Integer> attackerPorts = List.of(4444, 8088, 6667, 1337, 31337, 5555, 2375, 3333, 9999, 7777);
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            endpoints.add(new Endpoint(publicIpv4(attackers), attackers.pick(attackerPorts)));
        }
        this.attackerEndpoints = List.copyOf(endpoints);
    }

    List<RemoteHost> torExits() {
        return torExits;
    }

    List<Endpoint> attackerEndpoints() {
        return attackerEndpoints;
    }

    static RemoteHost knownHost() {
        return host(KNOWN_HOST, ORGANIZATIONS.get(0));
    }

    static RemoteHost github(SeededRandom random) {
        String range = random.pick(GITHUB_GIT_RANGES);
        String[] parts = range.split("[./]");
        int base = (Integer.parseInt(parts[0]) << 24) | (Integer.parseInt(parts[1]) << 16)
                | (Integer.parseInt(parts[2]) << 8) | Integer.parseInt(parts[3]);
        int size = 1 << (32 - Integer.parseInt(parts[4]));
        return host(dotted(base + 1 + random.nextInt(size - 2)), GITHUB);
    }

    static RemoteHost publicIpv4(SeededRandom random) {
        while (true) {
            int address = (int) random.nextLong();
            if (isPublic(address) && (address & 0xFF) != 0 && (address & 0xFF) != 255) {
                return host(dotted(address), organizationOf(address));
            }
        }
    }

    static RemoteHost publicIpv6(SeededRandom random) {
        String prefix = random.pick(IPV6_PREFIXES);
        String ip = prefix + ":" + group(random) + ":" + group(random) + "::" + group(random);
        Organization organization = ORGANIZATIONS.get(Math.floorMod(ip.hashCode(), ORGANIZATIONS.size()));
        return host(ip, true, organization);
    }

    static boolean isPublic(int address) {
        for (int[] range : NOT_PUBLIC) {
            if ((address & range[1]) == range[0]) {
                return false;
            }
        }
        return true;
    }

    private static String group(SeededRandom random) {
        return Integer.toHexString(1 + random.nextInt(0xFFFF));
    }

    private static Organization organizationOf(int address) {
        return ORGANIZATIONS.get((int) Math.floorMod(SeededRandom.mix(address), (long) ORGANIZATIONS.size()));
    }

    private static RemoteHost host(String ip, Organization organization) {
        return host(ip, false, organization);
    }

    private static RemoteHost host(String ip, boolean ipv6, Organization organization) {
        return new RemoteHost(ip, ipv6, organization.asn, organization.asnOrg, organization.isp, organization.isp,
                organization.country, organization.city, organization.lat, organization.lon);
    }

    static String dotted(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static int[] cidr(int a, int b, int c, int d, int bits) {
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return new int[] {((a << 24) | (b << 16) | (c << 8) | d) & mask, mask};
    }

    private static final class Organization {
        final String asn;
        final String asnOrg;
        final String isp;
        final String country;
        final String city;
        final BigDecimal lat;
        final BigDecimal lon;

        Organization(String asn, String asnOrg, String isp, String country, String city, String lat, String lon) {
            this.asn = asn;
            this.asnOrg = asnOrg;
            this.isp = isp;
            this.country = country;
            this.city = city;
            this.lat = new BigDecimal(lat);
            this.lon = new BigDecimal(lon);
        }
    }
}
