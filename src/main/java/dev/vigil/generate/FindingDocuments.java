package dev.vigil.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds one camelCase GuardDuty finding (the shape of the EventBridge {@code detail} and the S3 export) for a
 * finding kind, an account, an instance and a time. All randomness comes from the {@link SeededRandom} passed in.
 */
final class FindingDocuments {

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final long seed;
    private final Fleet fleet;
    private final InstanceShapes instances;
    private final ApiCallShapes apiCalls;
    private final ClusterShapes clusters;

    FindingDocuments(long seed, Fleet fleet, RemoteHosts hosts) {
        this.seed = seed;
        this.fleet = fleet;
        this.instances = new InstanceShapes(hosts);
        this.apiCalls = new ApiCallShapes(hosts);
        this.clusters = new ClusterShapes(seed, hosts);
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
        FindingText text = new FindingText(instance.instanceId());

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
            case NETWORK_OUTBOUND -> instances.networkOutbound(kind, account, instance, resource, service, info, random, text);
            case NETWORK_INBOUND -> instances.networkInbound(kind, account, instance, resource, service, info, random, text);
            case PORT_PROBE -> instances.portProbe(account, instance, resource, service, info, random);
            case DNS -> instances.dns(kind, account, instance, resource, service, info, random, text);
            case IAM_API_CALL -> apiCalls.iamApiCall(kind, account, region, resource, service, info, random, text);
            case S3_API_CALL -> apiCalls.s3ApiCall(kind, account, region, resource, service, info, random, text);
            case KUBERNETES -> clusters.kubernetes(kind, account, region, resource, service, info, random, text);
            case RUNTIME -> instances.runtime(kind, account, instance, resource, service, info, random, text, lastSeen);
            case RDS_LOGIN -> clusters.rdsLogin(account, region, resource, service, info, random, text);
            case ATTACK_SEQUENCE -> apiCalls.attackSequence(kind, account, region, resource, service, info, random, text, firstSeen, lastSeen);
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

    private static String compact(ObjectNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

}
