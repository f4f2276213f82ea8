package dev.vigil.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The JSON parts that many finding shapes share: instance details, remote IP details, port details, tags. */
final class Documents {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final Map<Integer, String> PORT_NAMES = Map.ofEntries(
            Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"), Map.entry(25, "SMTP"),
            Map.entry(53, "DNS"), Map.entry(80, "HTTP"), Map.entry(123, "NTP"), Map.entry(443, "HTTPS"),
            Map.entry(445, "SMB"), Map.entry(3306, "MySQL"), Map.entry(3389, "RDP"), Map.entry(5432, "PostgreSQL"),
            Map.entry(6379, "Redis"), Map.entry(8080, "HTTP"), Map.entry(9200, "Elasticsearch"));

    private static final List<String> THREAT_LISTS = List.of("ProofPoint", "CrowdStrike", "Amazon", "TorList",
            "ThreatIntelSet-custom");

    private Documents() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static String portName(int port) {
        return PORT_NAMES.getOrDefault(port, "Unknown");
    }

    static ObjectNode port(int port) {
        ObjectNode node = object();
        node.put("port", port);
        node.put("portName", portName(port));
        return node;
    }

    static ObjectNode localIp(String ip) {
        ObjectNode node = object();
        node.put("ipAddressV4", ip);
        return node;
    }

    static ObjectNode remoteIp(RemoteHost host) {
        ObjectNode node = object();
        node.put(host.ipv6() ? "ipAddressV6" : "ipAddressV4", host.ip());
        ObjectNode organization = node.putObject("organization");
        organization.put("asn", host.asn());
        organization.put("asnOrg", host.asnOrg());
        organization.put("isp", host.isp());
        organization.put("org", host.org());
        node.putObject("country").put("countryName", host.country());
        node.putObject("city").put("cityName", host.city());
        ObjectNode geo = node.putObject("geoLocation");
        geo.put("lat", host.lat());
        geo.put("lon", host.lon());
        return node;
    }

    static ArrayNode tags(Iterable<Tag> tags) {
        ArrayNode array = NODES.arrayNode();
        for (Tag tag : tags) {
            ObjectNode node = array.addObject();
            node.put("key", tag.key());
            node.put("value", tag.value());
        }
        return array;
    }

    static ObjectNode instanceDetails(GeneratedInstance instance, String accountId) {
        ObjectNode details = object();
        details.put("instanceId", instance.instanceId());
        details.put("instanceType", instance.instanceType());
        details.putNull("outpostArn");
        details.put("launchTime", instance.launchTime());
        if (instance.platform() == null) {
            details.putNull("platform");
        } else {
            details.put("platform", instance.platform());
        }
        details.putArray("productCodes");
        ObjectNode profile = details.putObject("iamInstanceProfile");
        profile.put("arn", instance.profileArn());
        profile.put("id", instance.profileId());
        ArrayNode interfaces = details.putArray("networkInterfaces");
        for (GeneratedEni eni : instance.networkInterfaces()) {
            ObjectNode node = interfaces.addObject();
            ArrayNode ipv6 = node.putArray("ipv6Addresses");
            if (eni.ipv6() != null) {
                ipv6.add(eni.ipv6());
            }
            node.put("networkInterfaceId", eni.networkInterfaceId());
            node.put("privateDnsName", eni.privateDnsName());
            node.put("privateIpAddress", eni.privateIp());
            ObjectNode privateAddress = node.putArray("privateIpAddresses").addObject();
            privateAddress.put("privateDnsName", eni.privateDnsName());
            privateAddress.put("privateIpAddress", eni.privateIp());
            if (eni.publicIp() != null) {
                node.put("publicDnsName", eni.publicDnsName());
                node.put("publicIp", eni.publicIp());
            }
            ArrayNode groups = node.putArray("securityGroups");
            for (Tag group : eni.securityGroups()) {
                ObjectNode groupNode = groups.addObject();
                groupNode.put("groupId", group.key());
                groupNode.put("groupName", group.value());
            }
            node.put("subnetId", eni.subnetId());
            node.put("vpcId", eni.vpcId());
        }
        details.set("tags", tags(instance.tags()));
        details.put("instanceState", "running");
        details.put("availabilityZone", instance.availabilityZone());
        details.put("imageId", instance.imageId());
        details.put("imageDescription", instance.imageDescription());
        return details;
    }

    static void instanceResource(ObjectNode resource, GeneratedInstance instance, GeneratedAccount account) {
        resource.put("resourceType", "Instance");
        resource.set("instanceDetails", instanceDetails(instance, account.id()));
    }

    static void threatEvidence(ObjectNode service, ObjectNode info, SeededRandom random) {
        String list = random.pick(THREAT_LISTS);
        String name = random.pick(List.of("TorExitNode", "Scanner", "KnownAttacker", "CommandAndControl", "Mirai"));
        info.put("threatListName", list);
        info.put("threatName", name);
        ObjectNode detail = service.putObject("evidence").putArray("threatIntelligenceDetails").addObject();
        detail.put("threatListName", list);
        detail.putArray("threatNames").add(name);
    }
}
