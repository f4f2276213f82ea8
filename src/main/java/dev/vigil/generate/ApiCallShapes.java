package dev.vigil.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The findings about AWS API calls: IAM (root credentials among them), S3, and attack sequences built on them. */
final class ApiCallShapes {

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

    private final RemoteHosts hosts;

    ApiCallShapes(RemoteHosts hosts) {
        this.hosts = hosts;
    }

    void iamApiCall(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                    ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
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
            Documents.threatEvidence(service, info, random);
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

    void s3ApiCall(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                   ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
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
            Documents.threatEvidence(service, info, random);
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

    void attackSequence(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                        ObjectNode service, ObjectNode info, SeededRandom random, FindingText text,
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
}
