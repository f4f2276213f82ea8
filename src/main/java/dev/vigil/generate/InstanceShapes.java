package dev.vigil.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The findings about an EC2 instance: network connections out and in, port probes, DNS requests, runtime events. */
final class InstanceShapes {

    private static final List<Integer> UNUSUAL_PORTS = List.of(2222, 6379, 9200, 5432, 27017, 8443, 993, 8080, 9000,
            1194, 51820, 5900, 6443, 10250, 25, 465, 587, 3389, 11211, 9418, 5000, 7000, 22, 80, 443);
    private static final List<Integer> KNOWN_HOST_PORTS = List.of(22, 443, 8080, 5000, 9418, 2222, 80);
    private static final List<Integer> PROBED_PORTS = List.of(22, 80, 443, 3389, 8080, 5432, 6379, 9200, 23, 445, 21);
    private static final List<String> TLDS = List.of("com", "net", "org", "xyz", "top", "ru", "info", "io", "cc");
    private static final List<String> PROCESSES = List.of("/usr/bin/curl", "/tmp/.x/kworker", "/usr/bin/python3",
            "/bin/bash", "/usr/local/bin/node", "/tmp/xmrig", "/usr/bin/nc", "/var/tmp/dockerd-helper");

    private final RemoteHosts hosts;

    InstanceShapes(RemoteHosts hosts) {
        this.hosts = hosts;
    }

    void networkOutbound(FindingKind kind, GeneratedAccount account, GeneratedInstance instance,
                         ObjectNode resource, ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
        Endpoint remote = outboundEndpoint(kind, instance, random);
        Documents.instanceResource(resource, instance, account);
        int localPort = random.between(32768, 60999);
        ObjectNode action = connection("OUTBOUND", instance, remote, localPort, random);
        service.set("action", action);
        service.put("resourceRole", "ACTOR");
        info.put("localPort", Integer.toString(localPort));
        info.put("outBytes", Integer.toString(random.between(200, 5_000_000)));
        info.put("inBytes", Integer.toString(random.between(200, 2_000_000)));
        info.put("unusual", remote.port());
        info.put("unusualProtocol", action.get("networkConnectionAction").get("protocol").asText());
        if (!kind.type().equals(FindingKinds.NETWORK_PORT_UNUSUAL)) {
            Documents.threatEvidence(service, info, random);
        }
        text.ip = remote.host().ip();
        text.port = Integer.toString(remote.port());
    }

    private Endpoint outboundEndpoint(FindingKind kind, GeneratedInstance instance, SeededRandom random) {
        switch (kind.type()) {
            case "UnauthorizedAccess:EC2/TorClient":
                return new Endpoint(random.pick(hosts.torExits()), random.chance(0.7) ? 9001 : 443);
            case "Backdoor:EC2/C&CActivity.B":
                return random.pick(hosts.attackerEndpoints());
            case "Recon:EC2/Portscan":
                return new Endpoint(RemoteHosts.publicIpv4(random), random.pick(PROBED_PORTS));
            case "Behavior:EC2/TrafficVolumeUnusual":
                return random.chance(0.5) ? random.pick(instance.habits()) : new Endpoint(RemoteHosts.publicIpv4(random), 443);
            default:
                break;
        }
        double draw = random.nextDouble();
        if (draw < 0.12) {
            return new Endpoint(RemoteHosts.github(random), 22);
        } else if (draw < 0.18) {
            return new Endpoint(RemoteHosts.knownHost(), random.pick(KNOWN_HOST_PORTS));
        } else if (draw < 0.23) {
            return new Endpoint(RemoteHosts.publicIpv4(random), random.pick(RemoteHosts.EXPLOITATION_PORTS));
        } else if (draw < 0.36) {
            return random.pick(hosts.attackerEndpoints());
        } else if (draw < 0.58) {
            return random.pick(instance.habits());
        } else if (draw < 0.60) {
            return new Endpoint(RemoteHosts.publicIpv6(random), random.pick(UNUSUAL_PORTS));
        }
        return new Endpoint(RemoteHosts.publicIpv4(random), random.pick(UNUSUAL_PORTS));
    }

    void networkInbound(FindingKind kind, GeneratedAccount account, GeneratedInstance instance,
                        ObjectNode resource, ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
        RemoteHost remote;
        int localPort;
        if (random.chance(0.03)) {
            remote = RemoteHosts.knownHost();
        } else if (kind.type().contains("Tor")) {
            remote = random.pick(hosts.torExits());
        } else {
            remote = RemoteHosts.publicIpv4(random);
        }
        if (kind.type().endsWith("SSHBruteForce")) {
            localPort = 22;
        } else if (kind.type().endsWith("RDPBruteForce")) {
            localPort = 3389;
        } else {
            localPort = random.pick(List.of(22, 80, 443, 443, 8080, 3389));
        }
        Documents.instanceResource(resource, instance, account);
        service.set("action", connection("INBOUND", instance, new Endpoint(remote, random.between(1024, 65535)),
                localPort, random));
        service.put("resourceRole", "TARGET");
        Documents.threatEvidence(service, info, random);
        text.ip = remote.ip();
        text.port = Integer.toString(localPort);
    }

    private static ObjectNode connection(String direction, GeneratedInstance instance, Endpoint remote, int localPort,
                                         SeededRandom random) {
        ObjectNode action = Documents.object();
        action.put("actionType", "NETWORK_CONNECTION");
        ObjectNode connection = action.putObject("networkConnectionAction");
        connection.put("connectionDirection", direction);
        connection.set("localIpDetails", Documents.localIp(instance.privateIp()));
        connection.put("localNetworkInterface", instance.networkInterfaces().get(0).networkInterfaceId());
        connection.set("remoteIpDetails", Documents.remoteIp(remote.host()));
        connection.set("remotePortDetails", Documents.port(remote.port()));
        connection.set("localPortDetails", Documents.port(localPort));
        connection.put("protocol", random.chance(0.95) ? "TCP" : "UDP");
        connection.put("blocked", false);
        return action;
    }

    void portProbe(GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
                   ObjectNode service, ObjectNode info, SeededRandom random) {
        Documents.instanceResource(resource, instance, account);
        ObjectNode action = Documents.object();
        action.put("actionType", "PORT_PROBE");
        ObjectNode probe = action.putObject("portProbeAction");
        ArrayNode details = probe.putArray("portProbeDetails");
        int probes = random.between(1, 4);
        for (int i = 0; i < probes; i++) {
            RemoteHost remote = random.chance(0.03) ? RemoteHosts.knownHost()
                    : random.chance(0.3) ? random.pick(hosts.attackerEndpoints()).host() : RemoteHosts.publicIpv4(random);
            ObjectNode detail = details.addObject();
            detail.set("localPortDetails", Documents.port(random.pick(PROBED_PORTS)));
            detail.set("localIpDetails", Documents.localIp(instance.privateIp()));
            detail.set("remoteIpDetails", Documents.remoteIp(remote));
        }
        probe.put("blocked", false);
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        Documents.threatEvidence(service, info, random);
    }

    void dns(FindingKind kind, GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
             ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
        Documents.instanceResource(resource, instance, account);
        String domain = domain(kind, random);
        ObjectNode action = Documents.object();
        action.put("actionType", "DNS_REQUEST");
        ObjectNode request = action.putObject("dnsRequestAction");
        request.put("domain", domain);
        request.put("domainWithSuffix", domain.substring(domain.indexOf('.') + 1));
        request.put("protocol", "UDP");
        request.put("blocked", random.chance(0.1));
        request.put("vpcOwnerAccountId", account.id());
        service.set("action", action);
        service.put("resourceRole", "ACTOR");
        info.put("domain", domain);
        Documents.threatEvidence(service, info, random);
        text.domain = domain;
    }

    private static String domain(FindingKind kind, SeededRandom random) {
        if (kind.type().startsWith("CryptoCurrency")) {
            return random.pick(List.of("pool.minexmr.example.", "xmr.pool.example.", "eth-pool.example."))
                    .replace("example.", random.hex(6) + "." + random.pick(TLDS));
        }
        String label = kind.type().contains("DGA") ? random.hex(random.between(12, 24)) : "c2-" + random.hex(8);
        return "api." + label + "." + random.pick(TLDS);
    }

    void runtime(FindingKind kind, GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
                 ObjectNode service, ObjectNode info, SeededRandom random, FindingText text, long lastSeen) {
        boolean container = random.chance(0.5);
        resource.put("resourceType", container ? "Container" : "Instance");
        resource.set("instanceDetails", Documents.instanceDetails(instance, account.id()));
        if (container) {
            ObjectNode details = resource.putObject("containerDetails");
            details.put("containerRuntime", "containerd");
            details.put("id", random.hex(64));
            details.put("name", random.pick(List.of("api", "worker", "sidecar", "job")));
            details.put("image", account.id() + ".dkr.ecr." + account.homeRegion() + ".amazonaws.com/" + account.team() + "/app:" + random.hex(7));
            details.put("imagePrefix", account.id() + ".dkr.ecr." + account.homeRegion() + ".amazonaws.com");
        }
        service.putObject("action");
        ObjectNode runtime = service.putObject("runtimeDetails");
        ObjectNode process = runtime.putObject("process");
        String executable = random.pick(PROCESSES);
        process.put("name", executable.substring(executable.lastIndexOf('/') + 1));
        process.put("executablePath", executable);
        process.put("executableSha256", random.hex(64));
        process.put("namespacePid", random.between(1, 500));
        process.put("pwd", "/app");
        process.put("pid", random.between(1000, 60000));
        process.put("startTime", Timestamps.iso(lastSeen - random.nextInt(600_000)));
        process.put("uuid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        process.put("parentUuid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        process.put("user", random.pick(List.of("root", "app", "nobody")));
        process.put("userId", random.pick(List.of(0, 1000, 65534)));
        process.put("euid", 0);
        ArrayNode lineage = process.putArray("lineage");
        for (String ancestor : List.of("containerd-shim", "bash")) {
            ObjectNode node = lineage.addObject();
            node.put("name", ancestor);
            node.put("pid", random.between(100, 999));
            node.put("uuid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
            node.put("executablePath", "/usr/bin/" + ancestor);
            node.put("userId", 0);
        }
        ObjectNode context = runtime.putObject("context");
        if (kind.type().contains("DockerSocket")) {
            context.put("socketPath", "/var/run/docker.sock");
        } else if (kind.type().contains("ReverseShell")) {
            RemoteHost remote = RemoteHosts.publicIpv4(random);
            context.put("addressFamily", "AF_INET");
            context.put("ianaProtocolNumber", 6);
            text.ip = remote.ip();
        } else {
            context.put("modifyingProcess", "/usr/bin/curl");
            context.put("modifiedAt", Timestamps.iso(lastSeen - random.nextInt(3_600_000)));
        }
        service.put("resourceRole", "TARGET");
        info.put("agentDetails", "aws-guardduty-agent/1." + random.nextInt(8) + ".0");
    }
}
