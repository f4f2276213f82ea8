package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.RawDocument;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps a Security Hub finding (AWS Security Finding Format) whose product is GuardDuty. The GuardDuty type is recovered
 * from the rewritten ASFF type ({@code TTPs/Discovery/Recon:IAMUser-UserPermissions} is {@code Recon:IAMUser/UserPermissions}),
 * the action from the ASFF {@code Action} object or from the flattened {@code ProductFields}
 * ({@code action/awsApiCallAction/api}, or {@code aws/guardduty/service/action/...} in newer findings), the resource from
 * {@code Resources}.
 */
final class AsffMapper {

    private static final String SERVICE_PREFIX = "aws/guardduty/service/";

    private AsffMapper() {
    }

    static boolean looksLikeAsff(JsonNode node) {
        if (node.has("ProductArn") || node.has("AwsAccountId")) {
            return true;
        }
        JsonNode schema = node.get("SchemaVersion");
        return node.has("Types") && schema != null && schema.asText().startsWith("2018-10-08");
    }

    static Finding map(JsonNode a, String sourceFormat) {
        JsonNode productFields = a.get("ProductFields");
        String product = productName(a, productFields);
        if (product != null) {
            throw new RecordException("Security Hub finding from product \"" + product
                    + "\", not GuardDuty; Vigil reads only GuardDuty findings (ProductArn .../product/aws/guardduty)");
        }
        String asffId = GuardDutyMapper.required(a.get("Id"), "finding id", "\"Id\"");
        int findingAt = asffId.lastIndexOf("/finding/");
        String id = findingAt >= 0 ? asffId.substring(findingAt + "/finding/".length()) : asffId;
        String arn = asffId.startsWith("arn:") ? asffId : null;
        String accountId = GuardDutyMapper.required(a.get("AwsAccountId"), "account id", "\"AwsAccountId\"");
        FindingType type = type(a.get("Types"));
        Severity severity = severity(a);
        ObjectNode service = service(productFields);

        JsonNode resources = a.get("Resources");
        JsonNode firstResource = resources != null && resources.isArray() && !resources.isEmpty() ? resources.get(0) : null;
        String region = Values.text(a.get("Region"));
        if (region == null && firstResource != null) {
            region = Values.text(firstResource.get("Region"));
        }
        String partition = firstResource == null ? null : Values.text(firstResource.get("Partition"));
        String[] arnParts = arn == null ? new String[0] : arn.split(":", 6);
        if (region == null && arnParts.length > 3) {
            region = arnParts[3];
        }
        if (partition == null && arnParts.length > 1) {
            partition = arnParts[1];
        }
        JsonNode serviceAction = service.get("action");
        Action action = a.get("Action") != null && a.get("Action").isObject()
                ? GuardDutyMapper.action(a.get("Action"))
                : serviceAction != null ? GuardDutyMapper.action(serviceAction) : network(a.get("Network"));
        boolean archived = Values.bool(service.get("archived")) || "ARCHIVED".equals(Values.text(a.get("RecordState")));
        return new Finding(id, arn, type, accountId, region, partition, Values.text(a.get("Title")),
                Values.text(a.get("Description")), Timestamps.read(a.get("CreatedAt"), "CreatedAt"),
                Timestamps.read(a.get("UpdatedAt"), "UpdatedAt"), Timestamps.read(a.get("FirstObservedAt"), "FirstObservedAt"),
                Timestamps.read(a.get("LastObservedAt"), "LastObservedAt"), Values.longOr(service.get("count"), 1),
                archived, GuardDutyMapper.sample(service.get("additionalInfo")) || Values.bool(service.get("sample")),
                severity, resource(resources), action, sourceFormat, RawDocument.of(a));
    }

    /** Null when the product is GuardDuty (or cannot be told), else the product's name for the message. */
    private static String productName(JsonNode a, JsonNode productFields) {
        String productArn = Values.text(a.get("ProductArn"));
        String name = Values.text(a.get("ProductName"));
        if (name == null && productFields != null) {
            name = Values.text(productFields.get("aws/securityhub/ProductName"));
        }
        if ((productArn != null && productArn.endsWith("/guardduty")) || "GuardDuty".equalsIgnoreCase(name)) {
            return null;
        }
        if (productArn == null && name == null) {
            String generator = Values.text(a.get("GeneratorId"));
            return generator != null && !generator.contains("guardduty") ? generator : null;
        }
        return name != null ? name : productArn;
    }

    /** {@code TTPs/Discovery/Recon:IAMUser-UserPermissions} -> {@code Recon:IAMUser/UserPermissions}. */
    static FindingType type(JsonNode types) {
        if (types != null && types.isArray()) {
            for (JsonNode typeNode : types) {
                String asffType = Values.text(typeNode);
                if (asffType == null) {
                    continue;
                }
                String last = asffType.substring(asffType.lastIndexOf('/') + 1);
                int colon = last.indexOf(':');
                int dash = last.indexOf('-', colon + 1);
                if (colon > 0 && dash > colon) {
                    return FindingType.of(last.substring(0, dash) + '/' + last.substring(dash + 1));
                }
            }
        }
        throw new RecordException("no GuardDuty finding type: none of the ASFF \"Types\" ends in one such as "
                + "\"TTPs/Discovery/Recon:IAMUser-UserPermissions\"");
    }

    private static Severity severity(JsonNode a) {
        JsonNode severity = a.get("Severity");
        JsonNode provider = a.get("FindingProviderFields");
        JsonNode[] candidates = {
            severity == null ? null : severity.get("Product"),
            severity == null ? null : severity.get("Original"),
            provider == null || provider.get("Severity") == null ? null : provider.get("Severity").get("Original"),
        };
        for (JsonNode candidate : candidates) {
            Double score = Values.number(candidate);
            if (score != null && score >= 0 && score <= 10) {
                return new Severity(score);
            }
        }
        Double normalized = severity == null ? null : Values.number(severity.get("Normalized"));
        if (normalized != null && normalized >= 0 && normalized <= 100) {
            return new Severity(normalized / 10.0);
        }
        String label = severity == null ? null : Values.text(severity.get("Label"));
        if (label != null) {
            switch (label.toUpperCase(java.util.Locale.ROOT)) {
                case "LOW": return new Severity(2.0);
                case "MEDIUM": return new Severity(5.0);
                case "HIGH": return new Severity(8.0);
                case "CRITICAL": return new Severity(9.0);
                default: break;
            }
        }
        throw new RecordException("no severity: \"Severity\" has neither \"Product\", \"Original\", \"Normalized\" nor "
                + "a \"Label\" (LOW, MEDIUM, HIGH, CRITICAL)");
    }

    /**
     * Rebuilds GuardDuty's {@code service} object from the flattened ProductFields: {@code action/actionType} or
     * {@code aws/guardduty/service/action/actionType} becomes {@code {"action":{"actionType":...}}}.
     */
    static ObjectNode service(JsonNode productFields) {
        ObjectNode service = JsonNodeFactory.instance.objectNode();
        if (productFields == null || !productFields.isObject()) {
            return service;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = productFields.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.startsWith(SERVICE_PREFIX)) {
                key = key.substring(SERVICE_PREFIX.length());
            } else if (key.startsWith("aws/")) {
                continue;
            }
            ObjectNode parent = service;
            String[] path = key.split("/");
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                if (child == null || !child.isObject()) {
                    child = parent.putObject(path[i]);
                }
                parent = (ObjectNode) child;
            }
            parent.set(path[path.length - 1], field.getValue());
        }
        return service;
    }

    private static Action network(JsonNode network) {
        if (network == null || !network.isObject()) {
            return new Action.None();
        }
        String direction = Values.text(network.get("Direction"));
        boolean inbound = "IN".equalsIgnoreCase(direction);
        String remoteIp = Values.text(network.get(inbound ? "SourceIpV4" : "DestinationIpV4"));
        if (remoteIp == null) {
            remoteIp = Values.text(network.get(inbound ? "SourceIpV6" : "DestinationIpV6"));
        }
        RemoteEndpoint remote = new RemoteEndpoint(remoteIp, Values.integer(network.get(inbound ? "SourcePort" : "DestinationPort")),
                null, null, null, null, Values.text(network.get(inbound ? "SourceDomain" : "DestinationDomain")));
        String localIp = Values.text(network.get(inbound ? "DestinationIpV4" : "SourceIpV4"));
        return new Action.NetworkConnection(inbound ? "INBOUND" : "OUTBOUND", Values.text(network.get("Protocol")),
                localIp, Values.integer(network.get(inbound ? "DestinationPort" : "SourcePort")), null, remote, false);
    }

    private static Resource resource(JsonNode resources) {
        if (resources == null || !resources.isArray() || resources.isEmpty()) {
            return Resource.NONE;
        }
        String resourceType = null;
        Instance instance = null;
        AccessKey accessKey = null;
        List<S3Bucket> buckets = new ArrayList<>();
        List<ResourceRef> others = new ArrayList<>();
        for (JsonNode r : resources) {
            String asffType = Values.text(r.get("Type"));
            String id = Values.text(r.get("Id"));
            JsonNode details = r.get("Details");
            JsonNode detail = details == null || asffType == null ? null : details.get(asffType);
            String kind = guardDutyKind(asffType);
            if (resourceType == null) {
                resourceType = kind;
            }
            if ("AwsEc2Instance".equals(asffType)) {
                instance = ec2(id, detail, r.get("Tags"));
            } else if ("AwsIamAccessKey".equals(asffType)) {
                String keyId = id == null ? null : id.substring(id.lastIndexOf(':') + 1);
                accessKey = new AccessKey("null".equals(keyId) ? null : keyId, Values.text(field(detail, "PrincipalId")),
                        Values.text(field(detail, "UserName")), Values.text(field(detail, "PrincipalType")));
            } else if ("AwsS3Bucket".equals(asffType)) {
                String name = id != null && id.startsWith("arn:") ? id.substring(id.lastIndexOf(':') + 1) : id;
                buckets.add(new S3Bucket(name, id, null));
            } else {
                String name = Values.text(field(detail, "Name"));
                if (name == null) {
                    name = Values.text(field(detail, "FunctionName"));
                }
                if (name == null) {
                    name = Values.text(field(detail, "DbInstanceIdentifier"));
                }
                others.add(new ResourceRef(kind, id, name));
            }
        }
        return new Resource(resourceType, instance, accessKey, buckets, others);
    }

    private static JsonNode field(JsonNode node, String name) {
        return node == null ? null : node.get(name);
    }

    private static Instance ec2(String id, JsonNode detail, JsonNode tags) {
        String instanceId = id != null && id.contains("instance/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        List<String> ips = new ArrayList<>();
        JsonNode ipv4 = field(detail, "IpV4Addresses");
        if (ipv4 != null && ipv4.isArray()) {
            ipv4.forEach(ip -> ips.add(ip.asText()));
        }
        String niId = null;
        JsonNode nis = field(detail, "NetworkInterfaces");
        if (nis != null && nis.isArray() && !nis.isEmpty()) {
            niId = Values.text(nis.get(0).get("NetworkInterfaceId"));
        }
        List<NetworkInterface> interfaces = ips.isEmpty() && niId == null ? List.of()
                : List.of(new NetworkInterface(niId, ips.isEmpty() ? null : ips.get(0), ips, null,
                        Values.text(field(detail, "VpcId")), Values.text(field(detail, "SubnetId")), List.of()));
        return new Instance(instanceId, Values.text(field(detail, "Type")), Values.text(field(detail, "ImageId")), null,
                null, GuardDutyMapper.tags(tags), interfaces);
    }

    private static String guardDutyKind(String asffType) {
        if (asffType == null) {
            return null;
        }
        switch (asffType) {
            case "AwsEc2Instance": return "Instance";
            case "AwsIamAccessKey": return "AccessKey";
            case "AwsS3Bucket": return "S3Bucket";
            case "AwsEksCluster": return "EKSCluster";
            case "AwsEcsCluster": return "ECSCluster";
            case "AwsEcsTask": return "ECSTask";
            case "AwsRdsDbInstance": return "RDSDBInstance";
            case "AwsLambdaFunction": return "Lambda";
            default: return asffType;
        }
    }
}
