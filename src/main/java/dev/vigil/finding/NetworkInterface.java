package dev.vigil.finding;

import java.util.List;

/** One network interface of an instance. */
public record NetworkInterface(String id, String privateIp, List<String> privateIps, String publicIp, String vpcId,
                               String subnetId, List<SecurityGroup> securityGroups) {

    public NetworkInterface {
        privateIps = privateIps == null ? List.of() : List.copyOf(privateIps);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }
}
