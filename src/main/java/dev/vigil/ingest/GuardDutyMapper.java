package dev.vigil.ingest;

import static dev.vigil.ingest.GuardDutyNames.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RawDocument;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.SecurityGroup;
import dev.vigil.finding.Severity;
import dev.vigil.finding.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps one GuardDuty finding object, camelCase or PascalCase, to a {@link Finding}. Stateless and thread-safe. */
final class GuardDutyMapper {

    private GuardDutyMapper() {
    }

    /** Whether an object looks like a GuardDuty finding (it has at least one of its characteristic fields). */
    static boolean looksLikeFinding(JsonNode node) {
        return TYPE.in(node) != null || SCHEMA_VERSION.in(node) != null || SERVICE.in(node) != null
                || ACCOUNT_ID.in(node) != null || (ID.in(node) != null && SEVERITY.in(node) != null);
    }

    static Finding map(JsonNode f, String sourceFormat, JsonNode raw) {
        String id = required(ID.in(f), "finding id", "\"id\" (\"Id\" in GetFindings output)");
        FindingType type = type(TYPE.in(f), "\"type\" (\"Type\")");
        Severity severity = severity(SEVERITY.in(f), "\"severity\" (\"Severity\")");
        String accountId = required(ACCOUNT_ID.in(f), "account id", "\"accountId\" (\"AccountId\")");
        JsonNode service = SERVICE.in(f);
        Resource resource = resource(RESOURCE.in(f));
        Action action = action(ACTION.in(service));
        return new Finding(id, Values.text(ARN.in(f)), type, accountId, Values.text(REGION.in(f)),
                Values.text(PARTITION.in(f)), Values.text(TITLE.in(f)), Values.text(DESCRIPTION.in(f)),
                Timestamps.read(CREATED_AT.in(f), "createdAt"), Timestamps.read(UPDATED_AT.in(f), "updatedAt"),
                Timestamps.read(EVENT_FIRST_SEEN.in(service), "service.eventFirstSeen"),
                Timestamps.read(EVENT_LAST_SEEN.in(service), "service.eventLastSeen"),
                Values.longOr(COUNT.in(service), 1), Values.bool(ARCHIVED.in(service)),
                sample(ADDITIONAL_INFO.in(service)), severity, resource, action, sourceFormat, RawDocument.of(raw));
    }

    static String required(JsonNode node, String what, String field) {
        if (node == null) {
            throw new RecordException("no " + what + ": field " + field + " is missing or null; every GuardDuty "
                    + "finding has one, so check that the record is a whole finding and not cut or edited");
        }
        if (node.isContainerNode()) {
            throw new RecordException(what + " is " + Values.kind(node) + ", expected text (field " + field + ")");
        }
        String text = Values.text(node);
        if (text == null) {
            throw new RecordException("no " + what + ": field " + field + " is empty");
        }
        return text;
    }

    static FindingType type(JsonNode node, String field) {
        if (node == null) {
            throw new RecordException("no finding type: field " + field
                    + " is missing; it names the detection, e.g. \"Behavior:EC2/NetworkPortUnusual\"");
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw new RecordException("finding type is " + Values.kind(node) + ", expected text such as "
                    + "\"Recon:EC2/PortProbeUnprotectedPort\" (field " + field + ")");
        }
        return FindingType.of(node.textValue());
    }

    static Severity severity(JsonNode node, String field) {
        if (node == null) {
            throw new RecordException("no severity: field " + field + " is missing; GuardDuty gives a number from 1.0 to 10.0");
        }
        Double score = Values.number(node);
        if (score == null || score.isNaN() || score < 0 || score > 10) {
            throw new RecordException("severity is " + Values.kind(node) + ", expected a number from 1.0 to 10.0 (field "
                    + field + ")");
        }
        return new Severity(score);
    }

    /** The sample flag: {@code additionalInfo.sample}, or {@code "sample": true} inside the JSON-string {@code value}. */
    static boolean sample(JsonNode additionalInfo) {
        if (additionalInfo == null) {
            return false;
        }
        if (additionalInfo.isTextual()) {
            return sampleInJsonText(additionalInfo.textValue());
        }
        if (Values.bool(SAMPLE.in(additionalInfo))) {
            return true;
        }
        JsonNode value = VALUE.in(additionalInfo);
        return value != null && value.isTextual() && sampleInJsonText(value.textValue());
    }

    static boolean sampleInJsonText(String text) {
        if (text == null || !text.contains("sample")) {
            return false;
        }
        try {
            JsonNode parsed = Json.mapper().readTree(text);
            return parsed != null && Values.bool(SAMPLE.in(parsed));
        } catch (IOException notJson) {
            return false;
        }
    }

    static Resource resource(JsonNode r) {
        if (r == null || !r.isObject()) {
            return Resource.NONE;
        }
        List<S3Bucket> buckets = new ArrayList<>();
        JsonNode s3 = S3_BUCKET_DETAILS.in(r);
        if (s3 != null && s3.isArray()) {
            for (JsonNode bucket : s3) {
                buckets.add(new S3Bucket(Values.text(NAME.in(bucket)), Values.text(ARN.in(bucket)),
                        Values.text(TYPE.in(bucket))));
            }
        }
        JsonNode keyDetails = ACCESS_KEY_DETAILS.in(r);
        AccessKey accessKey = keyDetails == null || !keyDetails.isObject() ? null
                : new AccessKey(Values.text(ACCESS_KEY_ID.in(keyDetails)), Values.text(PRINCIPAL_ID.in(keyDetails)),
                        Values.text(USER_NAME.in(keyDetails)), Values.text(USER_TYPE.in(keyDetails)));
        return new Resource(Values.text(RESOURCE_TYPE.in(r)), instance(INSTANCE_DETAILS.in(r)), accessKey, buckets,
                others(r));
    }

    private static List<ResourceRef> others(JsonNode r) {
        List<ResourceRef> others = new ArrayList<>(2);
        JsonNode eks = EKS_CLUSTER_DETAILS.in(r);
        if (eks != null) {
            others.add(new ResourceRef("EKSCluster", Values.text(ARN.in(eks)), Values.text(NAME.in(eks))));
        }
        JsonNode workload = KUBERNETES_WORKLOAD_DETAILS.in(KUBERNETES_DETAILS.in(r));
        if (workload != null && workload.isObject()) {
            String name = Values.text(NAME.in(workload));
            String namespace = Values.text(NAMESPACE.in(workload));
            String label = namespace == null ? name : name == null ? namespace : namespace + "/" + name;
            others.add(new ResourceRef("KubernetesWorkload", Values.text(UID.in(workload)), label));
        }
        JsonNode ecs = ECS_CLUSTER_DETAILS.in(r);
        if (ecs != null) {
            others.add(new ResourceRef("ECSCluster", Values.text(ARN.in(ecs)), Values.text(NAME.in(ecs))));
            JsonNode task = TASK_DETAILS.in(ecs);
            if (task != null && task.isObject()) {
                others.add(new ResourceRef("ECSTask", Values.text(ARN.in(task)), Values.text(DEFINITION_ARN.in(task))));
            }
        }
        JsonNode container = CONTAINER_DETAILS.in(r);
        if (container != null && container.isObject()) {
            String name = Values.text(NAME.in(container));
            others.add(new ResourceRef("Container", Values.text(ID.in(container)),
                    name != null ? name : Values.text(IMAGE.in(container))));
        }
        JsonNode rds = RDS_DB_INSTANCE_DETAILS.in(r);
        if (rds != null && rds.isObject()) {
            String name = Values.text(DB_INSTANCE_IDENTIFIER.in(rds));
            others.add(new ResourceRef("RDSDBInstance", Values.text(DB_INSTANCE_ARN.in(rds)),
                    name != null ? name : Values.text(DB_CLUSTER_IDENTIFIER.in(rds))));
        }
        JsonNode lambda = LAMBDA_DETAILS.in(r);
        if (lambda != null && lambda.isObject()) {
            others.add(new ResourceRef("Lambda", Values.text(FUNCTION_ARN.in(lambda)), Values.text(FUNCTION_NAME.in(lambda))));
        }
        JsonNode volumes = SCANNED_VOLUME_DETAILS.in(EBS_VOLUME_DETAILS.in(r));
        if (volumes != null && volumes.isArray()) {
            for (JsonNode volume : volumes) {
                others.add(new ResourceRef("EBSVolume", Values.text(VOLUME_ARN.in(volume)), Values.text(DEVICE_NAME.in(volume))));
            }
        }
        return others;
    }

    static Instance instance(JsonNode d) {
        if (d == null || !d.isObject()) {
            return null;
        }
        List<NetworkInterface> interfaces = new ArrayList<>(1);
        JsonNode nis = NETWORK_INTERFACES.in(d);
        if (nis != null && nis.isArray()) {
            for (JsonNode ni : nis) {
                interfaces.add(networkInterface(ni));
            }
        }
        return new Instance(Values.text(INSTANCE_ID.in(d)), Values.text(INSTANCE_TYPE.in(d)), Values.text(IMAGE_ID.in(d)),
                Values.text(INSTANCE_STATE.in(d)), Values.text(AVAILABILITY_ZONE.in(d)), tags(TAGS.in(d)), interfaces);
    }

    private static NetworkInterface networkInterface(JsonNode ni) {
        List<String> privateIps = new ArrayList<>(1);
        JsonNode addresses = PRIVATE_IP_ADDRESSES.in(ni);
        if (addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                String ip = Values.text(PRIVATE_IP_ADDRESS.in(address));
                if (ip != null) {
                    privateIps.add(ip);
                }
            }
        }
        List<SecurityGroup> groups = new ArrayList<>(1);
        JsonNode sgs = SECURITY_GROUPS.in(ni);
        if (sgs != null && sgs.isArray()) {
            for (JsonNode sg : sgs) {
                groups.add(new SecurityGroup(Values.text(GROUP_ID.in(sg)), Values.text(GROUP_NAME.in(sg))));
            }
        }
        String privateIp = Values.text(PRIVATE_IP_ADDRESS.in(ni));
        if (privateIp == null && !privateIps.isEmpty()) {
            privateIp = privateIps.get(0);
        }
        return new NetworkInterface(Values.text(NETWORK_INTERFACE_ID.in(ni)), privateIp, privateIps,
                Values.text(PUBLIC_IP.in(ni)), Values.text(VPC_ID.in(ni)), Values.text(SUBNET_ID.in(ni)), groups);
    }

    /** Tags as GuardDuty lists them ({@code [{"key":..,"value":..}]}) or as a plain map. */
    static Map<String, String> tags(JsonNode tags) {
        if (tags == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (tags.isArray()) {
            for (JsonNode tag : tags) {
                String key = Values.text(KEY.in(tag));
                if (key != null) {
                    String value = Values.text(VALUE.in(tag));
                    map.put(key, value == null ? "" : value);
                }
            }
        } else if (tags.isObject()) {
            tags.fields().forEachRemaining(e -> {
                String value = Values.text(e.getValue());
                map.put(e.getKey(), value == null ? "" : value);
            });
        }
        return map;
    }

    static Action action(JsonNode a) {
        if (a == null || !a.isObject() || a.isEmpty()) {
            return new Action.None();
        }
        String actionType = Values.text(ACTION_TYPE.in(a));
        JsonNode details;
        if ((details = NETWORK_CONNECTION_ACTION.in(a)) != null && is(actionType, "NETWORK_CONNECTION")) {
            JsonNode local = LOCAL_PORT_DETAILS.in(details);
            return new Action.NetworkConnection(Values.text(CONNECTION_DIRECTION.in(details)),
                    Values.text(PROTOCOL.in(details)), ip(LOCAL_IP_DETAILS.in(details)), Values.integer(PORT.in(local)),
                    Values.text(PORT_NAME.in(local)), remote(REMOTE_IP_DETAILS.in(details), REMOTE_PORT_DETAILS.in(details), null),
                    Values.bool(BLOCKED.in(details)));
        }
        if ((details = PORT_PROBE_ACTION.in(a)) != null && is(actionType, "PORT_PROBE")) {
            List<Action.Probe> probes = new ArrayList<>();
            JsonNode list = PORT_PROBE_DETAILS.in(details);
            if (list != null && list.isArray()) {
                for (JsonNode probe : list) {
                    JsonNode local = LOCAL_PORT_DETAILS.in(probe);
                    probes.add(new Action.Probe(Values.integer(PORT.in(local)), Values.text(PORT_NAME.in(local)),
                            remote(REMOTE_IP_DETAILS.in(probe), null, null)));
                }
            }
            return new Action.PortProbe(probes, Values.bool(BLOCKED.in(details)));
        }
        if ((details = AWS_API_CALL_ACTION.in(a)) != null && is(actionType, "AWS_API_CALL")) {
            String domain = Values.text(DOMAIN.in(DOMAIN_DETAILS.in(details)));
            return new Action.AwsApiCall(Values.text(API.in(details)), Values.text(SERVICE_NAME.in(details)),
                    Values.text(CALLER_TYPE.in(details)), remote(REMOTE_IP_DETAILS.in(details), null, domain),
                    Values.text(ERROR_CODE.in(details)), Values.text(USER_AGENT.in(details)));
        }
        if ((details = DNS_REQUEST_ACTION.in(a)) != null && is(actionType, "DNS_REQUEST")) {
            return new Action.DnsRequest(Values.text(DOMAIN.in(details)), Values.text(PROTOCOL.in(details)),
                    Values.bool(BLOCKED.in(details)));
        }
        if ((details = KUBERNETES_API_CALL_ACTION.in(a)) != null && is(actionType, "KUBERNETES_API_CALL")) {
            RemoteEndpoint remote = remote(REMOTE_IP_DETAILS.in(details), null, null);
            JsonNode sourceIps = SOURCE_IPS.in(details);
            if (remote == null && sourceIps != null && sourceIps.isArray() && !sourceIps.isEmpty()) {
                remote = new RemoteEndpoint(Values.text(sourceIps.get(0)), null, null, null, null, null, null);
            }
            return new Action.KubernetesApiCall(Values.text(VERB.in(details)), Values.text(REQUEST_URI.in(details)),
                    Values.text(USER_AGENT.in(details)), Values.integer(STATUS_CODE.in(details)), remote);
        }
        if (actionType == null) {
            return new Action.None();
        }
        // RDS_LOGIN_ATTEMPT and newer action types: keep the name and whatever remote side they carry.
        JsonNode remoteDetails = REMOTE_IP_DETAILS.in(RDS_LOGIN_ATTEMPT_ACTION.in(a));
        if (remoteDetails == null) {
            var values = a.elements();
            while (values.hasNext() && remoteDetails == null) {
                remoteDetails = REMOTE_IP_DETAILS.in(values.next());
            }
        }
        return new Action.Other(actionType, remote(remoteDetails, null, null));
    }

    private static boolean is(String actionType, String expected) {
        return actionType == null || actionType.equals(expected);
    }

    private static String ip(JsonNode details) {
        String v4 = Values.text(IP_ADDRESS_V4.in(details));
        return v4 != null ? v4 : Values.text(IP_ADDRESS_V6.in(details));
    }

    /** The remote side from GuardDuty's remoteIpDetails (+ port details); null when there is nothing to say. */
    static RemoteEndpoint remote(JsonNode ipDetails, JsonNode portDetails, String domain) {
        if ((ipDetails == null || !ipDetails.isObject()) && portDetails == null && domain == null) {
            return null;
        }
        String ip = ip(ipDetails);
        JsonNode org = ORGANIZATION.in(ipDetails);
        Organization organization = org == null ? Organization.UNKNOWN
                : new Organization(Values.text(ASN.in(org)), Values.text(ASN_ORG.in(org)), Values.text(ISP.in(org)),
                        Values.text(ORG.in(org)));
        return new RemoteEndpoint(ip, Values.integer(PORT.in(portDetails)), Values.text(PORT_NAME.in(portDetails)),
                organization, Values.text(COUNTRY_NAME.in(COUNTRY.in(ipDetails))),
                Values.text(CITY_NAME.in(CITY.in(ipDetails))), domain);
    }
}
