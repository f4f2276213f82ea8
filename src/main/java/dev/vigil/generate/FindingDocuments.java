package dev.vigil.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Builds one camelCase GuardDuty finding (the shape of the EventBridge {@code detail} and the S3 export) for a
 * finding kind, an account, an instance and a time. All randomness comes from the {@link SeededRandom} passed in.
 */
final class FindingDocuments {

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final List<Integer> UNUSUAL_PORTS = List.of(2222, 6379, 9200, 5432, 27017, 8443, 993, 8080, 9000,
            1194, 51820, 5900, 6443, 10250, 25, 465, 587, 3389, 11211, 9418, 5000, 7000, 22, 80, 443);
    private static final List<Integer> KNOWN_HOST_PORTS = List.of(22, 443, 8080, 5000, 9418, 2222, 80);
    private static final List<Integer> PROBED_PORTS = List.of(22, 80, 443, 3389, 8080, 5432, 6379, 9200, 23, 445, 21);
    private static final List<String> ROOT_APIS = List.of("ConsoleLogin", "GetAccountSummary", "ListBuckets",
            "DescribeInstances", "GetBillingDetails", "ListUsers", "CreateAccessKey", "GetCallerIdentity");
    private static final List<String> IAM_APIS = List.of("ListRoles", "ListUsers", "GetAccountAuthorizationDetails",
            "ListAttachedRolePolicies", "DescribeInstances", "ListAccessKeys", "GetBucketPolicy", "StopLogging",
            "DeleteTrail", "ListSecrets", "AssumeRole");
    private static final List<String> S3_APIS = List.of("PutBucketPublicAccessBlock", "DeletePublicAccessBlock",
            "GetObject", "ListObjects", "PutBucketPolicy", "ListBuckets");
    private static final List<String> USER_AGENTS = List.of(
            "aws-cli/2.17.20 Python/3.11.9 Linux/6.1.102-111.182.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/s3.ls",
            "Boto3/1.35.10 md/Botocore#1.35.10 ua/2.0 os/linux#6.8.0-1012-aws md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.10",
            "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/sts#1.30.3",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "console.amazonaws.com", "Terraform/1.9.5 (+https://www.terraform.io) terraform-provider-aws/5.64.0");
    private static final List<String> THREAT_LISTS = List.of("ProofPoint", "CrowdStrike", "Amazon", "TorList",
            "ThreatIntelSet-custom");
    private static final List<String> TLDS = List.of("com", "net", "org", "xyz", "top", "ru", "info", "io", "cc");
    private static final List<String> PROCESSES = List.of("/usr/bin/curl", "/tmp/.x/kworker", "/usr/bin/python3",
            "/bin/bash", "/usr/local/bin/node", "/tmp/xmrig", "/usr/bin/nc", "/var/tmp/dockerd-helper");

    private final long seed;
    private final Fleet fleet;
    private final RemoteHosts hosts;

    FindingDocuments(long seed, Fleet fleet, RemoteHosts hosts) {
        this.seed = seed;
        this.fleet = fleet;
        this.hosts = hosts;
    }

    /** A new finding first seen around {@code now}, with {@code count} 1 most of the time. */
    ObjectNode create(SeededRandom random, long now, boolean sample) {
        FindingKind kind = FindingKinds.pick(random);
        GeneratedAccount account = fleet.pickAccount(random);
        String region = account.regions().get(random.nextInt(account.regions().size()));
        GeneratedInstance instance = fleet.pickInstance(account, random);
        String id = random.hex(32);
        String detectorId = SeededRandom.derived(seed, account.index(), region.hashCode()).hex(32);
        int count = random.chance(0.7) ? 1 : random.between(2, 40);
        long lastSeen = now - random.nextInt(300_000);
        long firstSeen = count == 1 ? lastSeen : lastSeen - random.nextInt(6 * 3_600_000);
        Text text = new Text(instance.instanceId());

        ObjectNode finding = Documents.object();
        finding.put("schemaVersion", "2.0");
        finding.put("accountId", account.id());
        finding.put("region", region);
        finding.put("partition", "aws");
        finding.put("id", id);
        finding.put("arn", "arn:aws:guardduty:" + region + ":" + account.id() + ":detector/" + detectorId + "/finding/" + id);
        finding.put("type", kind.type());
        ObjectNode resource = finding.putObject("resource");
        ObjectNode service = Documents.object();
        service.put("serviceName", "guardduty");
        service.put("detectorId", detectorId);
        service.put("featureName", kind.featureName());
        ObjectNode info = Documents.object();
        switch (kind.shape()) {
            case NETWORK_OUTBOUND -> networkOutbound(kind, account, instance, resource, service, info, random, text);
            case NETWORK_INBOUND -> networkInbound(kind, account, instance, resource, service, info, random, text);
            case PORT_PROBE -> portProbe(account, instance, resource, service, info, random);
            case DNS -> dns(kind, account, instance, resource, service, info, random, text);
            case IAM_API_CALL -> iamApiCall(kind, account, region, resource, service, info, random, text);
            case S3_API_CALL -> s3ApiCall(kind, account, region, resource, service, info, random, text);
            case KUBERNETES -> kubernetes(kind, account, region, resource, service, info, random, text);
            case RUNTIME -> runtime(kind, account, instance, resource, service, info, random, text, lastSeen);
            case RDS_LOGIN -> rdsLogin(account, region, resource, service, info, random, text);
            case ATTACK_SEQUENCE -> attackSequence(kind, account, region, resource, service, info, random, text, firstSeen, lastSeen);
        }
        if (sample) {
            info.put("sample", true);
        }
        ObjectNode additionalInfo = info.deepCopy();
        additionalInfo.put("value", compact(info));
        additionalInfo.put("type", "default");
        service.set("additionalInfo", additionalInfo);
        if (service.has("evidence")) {
            service.set("evidence", service.remove("evidence"));
        }
        service.put("eventFirstSeen", Timestamps.iso(firstSeen));
        service.put("eventLastSeen", Timestamps.iso(lastSeen));
        service.put("archived", false);
        service.put("count", count);
        finding.set("service", service);
        finding.put("severity", kind.severity());
        finding.put("createdAt", Timestamps.iso(now));
        finding.put("updatedAt", Timestamps.iso(now));
        finding.put("title", text.fill(kind.title()));
        finding.put("description", text.fill(kind.description()));
        return finding;
    }

    /** The same finding reported again by GuardDuty: same id, later update, higher count. */
    static ObjectNode repeat(ObjectNode earlier, SeededRandom random, long now) {
        ObjectNode finding = earlier.deepCopy();
        ObjectNode service = (ObjectNode) finding.get("service");
        service.put("count", service.get("count").asInt() + random.between(1, 25));
        String lastSeen = Timestamps.iso(now - random.nextInt(120_000));
        if (lastSeen.compareTo(service.get("eventLastSeen").asText()) > 0) {
            service.put("eventLastSeen", lastSeen);
        }
        finding.put("updatedAt", Timestamps.iso(now));
        return finding;
    }

    private void networkOutbound(FindingKind kind, GeneratedAccount account, GeneratedInstance instance,
                                 ObjectNode resource, ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
        Endpoint remote = outboundEndpoint(kind, instance, random);
        instanceResource(resource, instance, account);
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
            threatEvidence(service, info, random);
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

    private void networkInbound(FindingKind kind, GeneratedAccount account, GeneratedInstance instance,
                                ObjectNode resource, ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
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
        instanceResource(resource, instance, account);
        service.set("action", connection("INBOUND", instance, new Endpoint(remote, random.between(1024, 65535)),
                localPort, random));
        service.put("resourceRole", "TARGET");
        threatEvidence(service, info, random);
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

    private void portProbe(GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
                           ObjectNode service, ObjectNode info, SeededRandom random) {
        instanceResource(resource, instance, account);
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
        threatEvidence(service, info, random);
    }

    private void dns(FindingKind kind, GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
                     ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
        instanceResource(resource, instance, account);
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
        threatEvidence(service, info, random);
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

    private void iamApiCall(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                            ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
        boolean root = kind.type().equals(FindingKinds.ROOT_CREDENTIAL_USAGE);
        boolean instanceRole = kind.type().contains("InstanceCredentialExfiltration");
        String user = root ? "Root" : instanceRole ? "ec2-" + random.pick(account.userNames()) + "-role"
                : random.pick(account.userNames());
        resource.put("resourceType", "AccessKey");
        ObjectNode key = resource.putObject("accessKeyDetails");
        key.put("accessKeyId", (root ? "ASIA" : "AKIA") + random.hex(16).toUpperCase(Locale.ROOT));
        key.put("principalId", root ? account.id() : "AIDA" + random.hex(17).toUpperCase(Locale.ROOT));
        key.put("userName", user);
        key.put("userType", root ? "Root" : instanceRole ? "AssumedRole" : "IAMUser");
        String api = root ? random.pick(ROOT_APIS) : kind.type().startsWith("Stealth") ? "StopLogging" : random.pick(IAM_APIS);
        RemoteHost remote = remoteForApi(kind, random);
        ObjectNode action = Documents.object();
        action.put("actionType", "AWS_API_CALL");
        ObjectNode call = action.putObject("awsApiCallAction");
        call.put("api", api);
        call.put("serviceName", api.equals("ConsoleLogin") ? "signin.amazonaws.com"
                : api.contains("Bucket") ? "s3.amazonaws.com" : api.contains("Trail") || api.equals("StopLogging")
                ? "cloudtrail.amazonaws.com" : api.equals("DescribeInstances") ? "ec2.amazonaws.com" : "iam.amazonaws.com");
        call.put("callerType", "Remote IP");
        call.put("userAgent", random.pick(USER_AGENTS));
        if (random.chance(0.2)) {
            call.put("errorCode", "AccessDenied");
        }
        call.set("remoteIpDetails", Documents.remoteIp(remote));
        ObjectNode affected = call.putObject("affectedResources");
        if (api.equals("StopLogging") || api.equals("DeleteTrail")) {
            affected.put("AWS::CloudTrail::Trail", "arn:aws:cloudtrail:" + region + ":" + account.id() + ":trail/management-events");
        }
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        apiCallHistory(info, api, random);
        if (kind.type().contains("MaliciousIP") || kind.type().contains("Tor")) {
            threatEvidence(service, info, random);
        }
        text.user = user;
        text.api = api;
        text.ip = remote.ip();
    }

    private RemoteHost remoteForApi(FindingKind kind, SeededRandom random) {
        if (kind.type().contains("Tor")) {
            return random.pick(hosts.torExits());
        }
        if (random.chance(0.02)) {
            return RemoteHosts.knownHost();
        }
        return random.chance(0.05) ? RemoteHosts.publicIpv6(random) : RemoteHosts.publicIpv4(random);
    }

    private static void apiCallHistory(ObjectNode info, String api, SeededRandom random) {
        ArrayNode calls = info.putArray("recentApiCalls");
        int count = random.between(2, 5);
        for (int i = 0; i < count; i++) {
            ObjectNode call = calls.addObject();
            call.put("api", i == 0 ? api : random.pick(IAM_APIS));
            call.put("count", random.between(1, 60));
        }
        ObjectNode agent = info.putObject("userAgent");
        agent.put("fullUserAgent", random.pick(USER_AGENTS));
        agent.put("userAgentCategory", random.pick(List.of("AWS_CLI", "SDK", "CONSOLE", "BROWSER")));
    }

    private void s3ApiCall(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                           ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
        String user = random.pick(account.userNames());
        String bucket = account.team() + "-" + account.environment() + "-" + random.pick(List.of("logs", "exports",
                "artifacts", "backups", "data-lake", "uploads")) + "-" + account.id().substring(8);
        resource.put("resourceType", "S3Bucket");
        ObjectNode key = resource.putObject("accessKeyDetails");
        key.put("accessKeyId", "AKIA" + random.hex(16).toUpperCase(Locale.ROOT));
        key.put("principalId", "AIDA" + random.hex(17).toUpperCase(Locale.ROOT));
        key.put("userName", user);
        key.put("userType", "IAMUser");
        ObjectNode details = resource.putArray("s3BucketDetails").addObject();
        details.put("arn", "arn:aws:s3:::" + bucket);
        details.put("name", bucket);
        details.put("type", "Destination");
        details.put("createdAt", BigDecimal.valueOf(1_640_000_000_000L + random.nextInt(900_000_000) * 100L, 3));
        details.putObject("owner").put("id", random.hex(64));
        details.set("tags", Documents.tags(List.of(new Tag("team", account.team()), new Tag("environment", account.environment()),
                new Tag("data-classification", random.pick(List.of("internal", "confidential", "public"))))));
        ObjectNode encryption = details.putObject("defaultServerSideEncryption");
        encryption.put("encryptionType", "aws:kms");
        encryption.put("kmsMasterKeyArn", "arn:aws:kms:" + region + ":" + account.id() + ":key/" + random.hex(8) + "-" + random.hex(4)
                + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        ObjectNode publicAccess = details.putObject("publicAccess");
        ObjectNode configuration = publicAccess.putObject("permissionConfiguration");
        ObjectNode bucketLevel = configuration.putObject("bucketLevelPermissions");
        ObjectNode acl = bucketLevel.putObject("accessControlList");
        acl.put("allowsPublicReadAccess", false);
        acl.put("allowsPublicWriteAccess", false);
        ObjectNode policy = bucketLevel.putObject("bucketPolicy");
        policy.put("allowsPublicReadAccess", false);
        policy.put("allowsPublicWriteAccess", false);
        blockPublicAccess(bucketLevel.putObject("blockPublicAccess"), kind.type().startsWith("Policy"));
        blockPublicAccess(configuration.putObject("accountLevelPermissions").putObject("blockPublicAccess"), false);
        publicAccess.put("effectivePermission", "NOT_PUBLIC");
        String api = kind.type().startsWith("Policy") ? "PutBucketPublicAccessBlock" : random.pick(S3_APIS);
        RemoteHost remote = remoteForApi(kind, random);
        ObjectNode action = Documents.object();
        action.put("actionType", "AWS_API_CALL");
        ObjectNode call = action.putObject("awsApiCallAction");
        call.put("api", api);
        call.put("serviceName", "s3.amazonaws.com");
        call.put("callerType", "Remote IP");
        call.put("userAgent", random.pick(USER_AGENTS));
        call.set("remoteIpDetails", Documents.remoteIp(remote));
        call.putObject("affectedResources").put("AWS::S3::Bucket", bucket);
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        apiCallHistory(info, api, random);
        if (kind.type().contains("Tor")) {
            threatEvidence(service, info, random);
        }
        text.user = user;
        text.api = api;
        text.bucket = bucket;
        text.ip = remote.ip();
    }

    private static void blockPublicAccess(ObjectNode node, boolean disabled) {
        node.put("ignorePublicAcls", !disabled);
        node.put("restrictPublicBuckets", !disabled);
        node.put("blockPublicAcls", !disabled);
        node.put("blockPublicPolicy", !disabled);
    }

    private void kubernetes(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                            ObjectNode service, ObjectNode info, SeededRandom random, Text text) {
        String cluster = account.team() + "-" + account.environment();
        String user = random.chance(0.5) ? "system:serviceaccount:kube-system:" + random.pick(List.of("default", "aws-node", "coredns"))
                : "arn:aws:sts::" + account.id() + ":assumed-role/eks-admin/" + random.pick(account.userNames());
        resource.put("resourceType", "EKSCluster");
        ObjectNode eks = resource.putObject("eksClusterDetails");
        eks.put("name", cluster);
        eks.put("arn", "arn:aws:eks:" + region + ":" + account.id() + ":cluster/" + cluster);
        eks.put("createdAt", BigDecimal.valueOf(1_650_000_000_000L + random.nextInt(900_000_000) * 10L, 3));
        eks.put("vpcId", "vpc-0" + SeededRandom.derived(seed, account.index(), 0x2).hex(16));
        eks.put("status", "ACTIVE");
        eks.set("tags", Documents.tags(List.of(new Tag("team", account.team()), new Tag("environment", account.environment()))));
        ObjectNode kubernetes = resource.putObject("kubernetesDetails");
        ObjectNode userDetails = kubernetes.putObject("kubernetesUserDetails");
        userDetails.put("username", user);
        userDetails.put("uid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        userDetails.putArray("groups").add("system:authenticated").add("system:masters");
        ObjectNode workload = kubernetes.putObject("kubernetesWorkloadDetails");
        String pod = random.pick(List.of("coredns", "aws-node", "api", "worker", "debug")) + "-" + random.hex(10) + "-" + random.hex(5);
        workload.put("name", pod);
        workload.put("type", "pods");
        workload.put("uid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        workload.put("namespace", kind.type().contains("KubeSystem") ? "kube-system" : random.pick(List.of("default", "apps", "monitoring")));
        workload.put("hostNetwork", false);
        ObjectNode container = workload.putArray("containers").addObject();
        container.put("name", pod.substring(0, pod.indexOf('-')));
        container.put("image", "public.ecr.aws/" + account.team() + "/" + pod.substring(0, pod.indexOf('-')) + ":1." + random.nextInt(30));
        container.put("imagePrefix", "public.ecr.aws");
        container.putObject("securityContext").put("privileged", kind.type().contains("Privileged"));
        RemoteHost remote = kind.type().contains("Tor") ? random.pick(hosts.torExits()) : RemoteHosts.publicIpv4(random);
        ObjectNode action = Documents.object();
        action.put("actionType", "KUBERNETES_API_CALL");
        ObjectNode call = action.putObject("kubernetesApiCallAction");
        call.put("requestUri", random.pick(List.of("/api/v1/namespaces/kube-system/secrets", "/api/v1/pods",
                "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/api/v1/namespaces/kube-system/pods/" + pod + "/exec")));
        call.put("verb", random.pick(List.of("get", "list", "create", "watch")));
        call.putArray("sourceIPs").add(remote.ip());
        call.put("userAgent", "kubectl/v1.30.2 (linux/amd64) kubernetes/39683505");
        call.set("remoteIpDetails", Documents.remoteIp(remote));
        call.put("statusCode", random.chance(0.8) ? 200 : 403);
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        if (kind.type().contains("Tor")) {
            threatEvidence(service, info, random);
        }
        text.cluster = cluster;
        text.user = user;
        text.ip = remote.ip();
    }

    private void runtime(FindingKind kind, GeneratedAccount account, GeneratedInstance instance, ObjectNode resource,
                         ObjectNode service, ObjectNode info, SeededRandom random, Text text, long lastSeen) {
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

    private void rdsLogin(GeneratedAccount account, String region, ObjectNode resource, ObjectNode service,
                          ObjectNode info, SeededRandom random, Text text) {
        String database = account.team() + "-" + account.environment() + "-db";
        String user = random.pick(List.of("app_rw", "postgres", "analytics_ro", "migration"));
        resource.put("resourceType", "RDSDBInstance");
        ObjectNode details = resource.putObject("rdsDbInstanceDetails");
        details.put("dbInstanceIdentifier", database + "-instance-1");
        details.put("engine", "aurora-postgresql");
        details.put("engineVersion", "15.4");
        details.put("dbClusterIdentifier", database);
        details.put("dbInstanceArn", "arn:aws:rds:" + region + ":" + account.id() + ":db:" + database + "-instance-1");
        details.set("tags", Documents.tags(List.of(new Tag("team", account.team()))));
        ObjectNode userDetails = resource.putObject("rdsDbUserDetails");
        userDetails.put("user", user);
        userDetails.put("application", random.pick(List.of("psql", "DBeaver 24.1.3", "PostgreSQL JDBC Driver")));
        userDetails.put("database", account.team());
        userDetails.put("ssl", "TRUE");
        userDetails.put("authMethod", "PASSWORD");
        RemoteHost remote = RemoteHosts.publicIpv4(random);
        ObjectNode action = Documents.object();
        action.put("actionType", "RDS_LOGIN_ATTEMPT");
        ObjectNode attempt = action.putObject("rdsLoginAttemptAction");
        attempt.set("remoteIpDetails", Documents.remoteIp(remote));
        ObjectNode attributes = attempt.putArray("loginAttributes").addObject();
        attributes.put("user", user);
        attributes.put("application", userDetails.get("application").asText());
        attributes.put("failedLoginAttempts", random.nextInt(20));
        attributes.put("successfulLoginAttempts", random.between(1, 5));
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        text.cluster = database;
        text.user = user;
        text.ip = remote.ip();
    }

    private void attackSequence(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                                ObjectNode service, ObjectNode info, SeededRandom random, Text text,
                                long firstSeen, long lastSeen) {
        String user = random.pick(account.userNames());
        String bucket = account.team() + "-" + account.environment() + "-exports-" + account.id().substring(8);
        boolean s3 = kind.type().contains("S3");
        resource.put("resourceType", s3 ? "S3Bucket" : "AccessKey");
        ObjectNode key = resource.putObject("accessKeyDetails");
        key.put("accessKeyId", "AKIA" + random.hex(16).toUpperCase(Locale.ROOT));
        key.put("principalId", "AIDA" + random.hex(17).toUpperCase(Locale.ROOT));
        key.put("userName", user);
        key.put("userType", "IAMUser");
        RemoteHost remote = random.chance(0.5) ? random.pick(hosts.torExits()) : RemoteHosts.publicIpv4(random);
        text.user = user;
        text.bucket = bucket;
        text.ip = remote.ip();
        ObjectNode sequence = service.putObject("detection").putObject("sequence");
        sequence.put("uid", random.hex(32));
        sequence.put("description", text.fill(kind.description()));
        ObjectNode actor = sequence.putArray("actors").addObject();
        actor.put("id", "actor-" + random.hex(8));
        ObjectNode actorUser = actor.putObject("user");
        actorUser.put("name", user);
        actorUser.put("uid", key.get("principalId").asText());
        actorUser.put("type", "IAMUser");
        actorUser.put("credentialUid", key.get("accessKeyId").asText());
        ObjectNode actorAccount = actorUser.putObject("account");
        actorAccount.put("uid", account.id());
        actorAccount.put("account", account.name());
        ObjectNode endpoint = sequence.putArray("endpoints").addObject();
        endpoint.put("id", "endpoint-" + random.hex(8));
        endpoint.put("ip", remote.ip());
        ObjectNode location = endpoint.putObject("location");
        location.put("city", remote.city());
        location.put("country", remote.country());
        location.put("lat", remote.lat());
        location.put("lon", remote.lon());
        ObjectNode as = endpoint.putObject("autonomousSystem");
        as.put("name", remote.asnOrg());
        as.put("number", Integer.parseInt(remote.asn()));
        ArrayNode signals = sequence.putArray("signals");
        String[] signalTypes = {"Discovery:IAMUser/AnomalousBehavior", "Stealth:IAMUser/CloudTrailLoggingDisabled",
                s3 ? "Exfiltration:S3/AnomalousBehavior" : "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"};
        for (String signalType : signalTypes) {
            ObjectNode signal = signals.addObject();
            signal.put("uid", "arn:aws:guardduty:" + region + ":" + account.id() + ":finding/" + random.hex(32));
            signal.put("type", "FINDING");
            signal.put("name", signalType);
            signal.put("createdAt", Timestamps.iso(firstSeen));
            signal.put("updatedAt", Timestamps.iso(lastSeen));
            signal.put("firstSeenAt", Timestamps.iso(firstSeen));
            signal.put("lastSeenAt", Timestamps.iso(lastSeen));
            signal.put("severity", random.pick(List.of(2, 5, 8)));
            signal.put("count", random.between(1, 10));
            signal.putArray("actorIds").add(actor.get("id").asText());
            signal.putArray("endpointIds").add(endpoint.get("id").asText());
        }
        ObjectNode indicator = sequence.putArray("sequenceIndicators").addObject();
        indicator.put("key", "ATTACK_TACTIC");
        indicator.putArray("values").add("Discovery").add("Defense Evasion").add(s3 ? "Exfiltration" : "Credential Access");
        indicator.put("title", "Attack tactic");
    }

    private static void instanceResource(ObjectNode resource, GeneratedInstance instance, GeneratedAccount account) {
        resource.put("resourceType", "Instance");
        resource.set("instanceDetails", Documents.instanceDetails(instance, account.id()));
    }

    private static void threatEvidence(ObjectNode service, ObjectNode info, SeededRandom random) {
        String list = random.pick(THREAT_LISTS);
        String name = random.pick(List.of("TorExitNode", "Scanner", "KnownAttacker", "CommandAndControl", "Mirai"));
        info.put("threatListName", list);
        info.put("threatName", name);
        ObjectNode detail = service.putObject("evidence").putArray("threatIntelligenceDetails").addObject();
        detail.put("threatListName", list);
        detail.putArray("threatNames").add(name);
    }

    private static String compact(ObjectNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The values that titles and descriptions mention. */
    private static final class Text {
        String instance;
        String ip = "";
        String port = "";
        String user = "";
        String api = "";
        String bucket = "";
        String cluster = "";
        String domain = "";

        Text(String instance) {
            this.instance = instance;
        }

        String fill(String template) {
            if (template.indexOf('{') < 0) {
                return template;
            }
            return template.replace("{instance}", instance).replace("{ip}", ip).replace("{port}", port)
                    .replace("{user}", user).replace("{api}", api).replace("{bucket}", bucket)
                    .replace("{cluster}", cluster).replace("{domain}", domain);
        }
    }
}
