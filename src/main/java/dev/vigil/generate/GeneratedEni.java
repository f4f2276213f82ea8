package dev.vigil.generate;

import java.util.List;

/** One network interface of a generated instance; {@code publicIp} is null for private-only interfaces. */
record GeneratedEni(String networkInterfaceId, String privateIp, String privateDnsName, String publicIp,
                    String publicDnsName, String subnetId, String vpcId, List<Tag> securityGroups, String ipv6) {

    GeneratedEni {
        securityGroups = List.copyOf(securityGroups);
    }
}
