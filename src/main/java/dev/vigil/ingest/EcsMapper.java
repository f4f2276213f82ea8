package dev.vigil.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.FindingType;
import dev.vigil.finding.Instance;
import dev.vigil.finding.Json;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RawDocument;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.finding.Resource;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.SecurityGroup;
import dev.vigil.finding.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an Elastic Common Schema document from Elastic's {@code aws.guardduty} integration. Fields under
 * {@code aws.guardduty.*} come first, then the ECS fields the pipeline moved them to ({@code event.id},
 * {@code event.severity}, {@code cloud.account.id}, {@code rule.name}, ...); the remote side of a network connection is
 * {@code destination.*} when outbound and {@code source.*} when inbound. When {@code event.original} holds the raw
 * GuardDuty finding, it fills whatever the ECS fields leave out. Both the ECS 8 layout
 * ({@code resource.instance_details.instance.id}) and the older ECS 1.x one ({@code resource.instance.*}) are read.
 */
final class EcsMapper {

    private EcsMapper() {
    }

    /** Has {@code aws.guardduty}, {@code ecs} or {@code event.original}: Elastic's own fields, not only a timestamp. */
    static boolean looksLikeEcs(JsonNode node) {
        JsonNode aws = node.get("aws");
        JsonNode event = node.get("event");
        return node.has("ecs") || (aws != null && aws.has("guardduty")) || node.has("aws.guardduty.type")
                || node.has("aws.guardduty.id") || (event != null && event.isObject() && event.has("original"));
    }

    /** Only a {@code @timestamp} (a GuardDuty finding that went through Logstash has one too): ECS if nothing else fits. */
    static boolean mayBeEcs(JsonNode node) {
        return node.has("@timestamp");
    }

    static Finding map(JsonNode doc) {
        JsonNode g = at(doc, "aws", "guardduty");
        Finding original = original(doc);
        String id = text(g, "id");
        if (id == null) {
            id = text(doc, "event", "id");
        }
        if (id == null && original != null) {
            id = original.id();
        }
        if (id == null) {
            throw new RecordException("no finding id: neither aws.guardduty.id nor event.id is set");
        }
        String typeName = text(g, "type");
        if (typeName == null) {
            typeName = text(doc, "rule", "name");
        }
        FindingType type = typeName != null ? FindingType.of(typeName) : original != null ? original.type() : null;
        if (type == null) {
            throw new RecordException("no finding type: neither aws.guardduty.type nor rule.name is set");
        }
        Severity severity = severity(doc, g, original);
        String accountId = first(text(g, "account_id"), text(doc, "cloud", "account", "id"),
                original == null ? null : original.accountId());
        if (accountId == null) {
            throw new RecordException("no account id: neither aws.guardduty.account_id nor cloud.account.id is set");
        }
        JsonNode service = at(g, "service");
        Resource resource = merge(resource(doc, at(g, "resource")), original == null ? null : original.resource());
        Action action = action(doc, g, service);
        if (original != null && (action instanceof Action.None || action.remotes().isEmpty() && !original.action().remotes().isEmpty())) {
            action = original.action();
        } else if (original != null) {
            action = withOrganizationFrom(action, original.action());
        }
        boolean sample = GuardDutyMapper.sample(at(service, "additional_info")) || original != null && original.sample();
        return new Finding(id, first(text(g, "arn"), original == null ? null : original.arn()), type, accountId,
                first(text(g, "region"), text(doc, "cloud", "region"), original == null ? null : original.region()),
                first(text(g, "partition"), original == null ? null : original.partition()),
                first(text(g, "title"), original == null ? null : original.title()),
                first(text(g, "description"), text(doc, "message"), original == null ? null : original.description()),
                time(original == null ? null : original.createdAt(), at(g, "created_at"), at(doc, "event", "created")),
                time(original == null ? null : original.updatedAt(), at(g, "updated_at"), at(doc, "@timestamp")),
                time(original == null ? null : original.eventFirstSeen(), at(service, "event", "first_seen"),
                        at(g, "first_seen"), at(doc, "event", "start")),
                time(original == null ? null : original.eventLastSeen(), at(service, "event", "last_seen"),
                        at(g, "last_seen"), at(doc, "event", "end")),
                Values.longOr(first(at(service, "count"), at(g, "count")), original == null ? 1 : original.count()),
                Values.bool(first(at(service, "archived"), at(g, "archived"))) || original != null && original.archived(),
                sample, severity, resource, action, InputFormat.ECS.id(), RawDocument.of(doc));
    }

    private static Finding original(JsonNode doc) {
        String text = text(doc, "event", "original");
        if (text == null || !text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode raw = Json.mapper().readTree(text);
            return raw != null && GuardDutyMapper.looksLikeFinding(raw) ? GuardDutyMapper.map(raw, InputFormat.ECS.id(), raw) : null;
        } catch (IOException | RecordException unusable) {
            return null;
        }
    }

    private static Severity severity(JsonNode doc, JsonNode g, Finding original) {
        JsonNode node = at(g, "severity", "code");
        if (node == null && at(g, "severity") != null && at(g, "severity").isValueNode()) {
            node = at(g, "severity");
        }
        if (node == null) {
            node = at(doc, "event", "severity");
        }
        if (node == null && original != null) {
            return original.severity();
        }
        return GuardDutyMapper.severity(node, "aws.guardduty.severity.code or event.severity");
    }

    private static java.time.Instant time(java.time.Instant fallback, JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate != null) {
                return Timestamps.read(candidate, "time");
            }
        }
        return fallback;
    }

    private static Resource resource(JsonNode doc, JsonNode r) {
        String resourceType = text(r, "type");
        JsonNode details = first(at(r, "instance_details"), at(r, "instance"));
        Instance instance = null;
        String instanceId = first(text(details, "instance", "id"), text(details, "instance_id"), text(doc, "cloud", "instance", "id"));
        if (details != null || instanceId != null) {
            List<NetworkInterface> interfaces = new ArrayList<>();
            JsonNode nis = at(details, "network_interfaces");
            if (nis != null && nis.isArray()) {
                for (JsonNode ni : nis) {
                    interfaces.add(networkInterface(ni));
                }
            }
            instance = new Instance(instanceId, first(text(details, "instance", "type"), text(doc, "cloud", "machine", "type")),
                    text(details, "image", "id"), first(text(details, "instance", "state"), text(details, "state")),
                    first(text(details, "availability_zone"), text(doc, "cloud", "availability_zone")),
                    GuardDutyMapper.tags(at(details, "tags")), interfaces);
        }
        JsonNode key = at(r, "access_key_details");
        AccessKey accessKey = key == null ? null : new AccessKey(text(key, "accesskey_id"), text(key, "principal_id"),
                text(key, "user", "name"), text(key, "user", "type"));
        List<S3Bucket> buckets = new ArrayList<>();
        JsonNode s3 = at(r, "s3_bucket_details");
        if (s3 != null) {
            for (JsonNode bucket : s3.isArray() ? s3 : List.of(s3)) {
                buckets.add(new S3Bucket(text(bucket, "name"), text(bucket, "arn"), text(bucket, "type")));
            }
        }
        List<ResourceRef> others = new ArrayList<>();
        JsonNode eks = at(r, "eks_cluster_details");
        if (eks != null) {
            others.add(new ResourceRef("EKSCluster", text(eks, "arn"), text(eks, "name")));
        }
        JsonNode ecs = at(r, "ecs_cluster_details");
        if (ecs != null) {
            others.add(new ResourceRef("ECSCluster", text(ecs, "arn"), text(ecs, "name")));
        }
        JsonNode container = at(r, "container_details");
        if (container != null) {
            others.add(new ResourceRef("Container", text(container, "id"), first(text(container, "name"), text(container, "image", "value"))));
        }
        JsonNode rds = at(r, "rdsdb_instance_details");
        if (rds != null) {
            others.add(new ResourceRef("RDSDBInstance", text(rds, "instance_arn"), text(rds, "instance_identifier")));
        }
        return new Resource(resourceType, instance, accessKey, buckets, others);
    }

    private static NetworkInterface networkInterface(JsonNode ni) {
        if (ni.has("networkInterfaceId") || ni.has("privateIpAddress")) {
            return GuardDutyMapper.instance(Json.mapper().createObjectNode().set("networkInterfaces",
                    Json.mapper().createArrayNode().add(ni))).networkInterfaces().get(0);
        }
        List<String> privateIps = new ArrayList<>();
        JsonNode addresses = at(ni, "private", "ip_addresses");
        if (addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                String ip = text(address, "private", "ip_address");
                if (ip != null) {
                    privateIps.add(ip);
                }
            }
        }
        List<SecurityGroup> groups = new ArrayList<>();
        JsonNode sgs = at(ni, "security_groups");
        if (sgs != null && sgs.isArray()) {
            for (JsonNode sg : sgs) {
                groups.add(new SecurityGroup(text(sg, "group", "id"), text(sg, "group", "name")));
            }
        }
        return new NetworkInterface(text(ni, "network_interface_id"), text(ni, "private", "ip_address"), privateIps,
                text(ni, "public", "ip"), text(ni, "vpc_id"), text(ni, "subnet_id"), groups);
    }

    private static Resource merge(Resource ecs, Resource original) {
        if (original == null) {
            return ecs;
        }
        Instance instance = ecs.instance() == null || ecs.instance().networkInterfaces().isEmpty() && original.instance() != null
                ? original.instance() : ecs.instance();
        return new Resource(first(ecs.resourceType(), original.resourceType()), instance,
                ecs.accessKey() != null ? ecs.accessKey() : original.accessKey(),
                ecs.s3Buckets().isEmpty() ? original.s3Buckets() : ecs.s3Buckets(),
                ecs.others().isEmpty() ? original.others() : ecs.others());
    }

    private static Action action(JsonNode doc, JsonNode g, JsonNode service) {
        JsonNode a = at(service, "action");
        String type = first(text(a, "type"), text(doc, "event", "action"));
        JsonNode details;
        if ((details = at(a, "network_connection_action")) != null || "NETWORK_CONNECTION".equals(type)) {
            String direction = first(text(details, "connection_direction"), upper(text(doc, "network", "direction")));
            RemoteEndpoint remote = remote(at(details, "remote_ip_details"), at(details, "remote_port_details", "port"));
            if (remote == null) {
                remote = ecsEndpoint(doc, "INBOUND".equals(direction) ? "source" : "destination");
            }
            JsonNode local = at(doc, "INBOUND".equals(direction) ? "destination" : "source");
            return new Action.NetworkConnection(direction,
                    upper(first(text(details, "transport"), text(details, "protocol"), text(doc, "network", "transport"))),
                    first(text(details, "local_ip_details", "ip_address_v4"), text(local, "ip")),
                    Values.integer(first(at(details, "local_port_details", "port", "value"), scalar(at(local, "port")))),
                    text(details, "local_port_details", "port", "name"), remote,
                    Values.bool(first(at(details, "blocked"), at(g, "action", "blocked"))));
        }
        if ((details = at(a, "port_probe_action")) != null) {
            List<Action.Probe> probes = new ArrayList<>();
            JsonNode list = at(details, "port_probe_details");
            if (list != null && list.isArray()) {
                for (JsonNode probe : list) {
                    probes.add(new Action.Probe(Values.integer(at(probe, "local_port_details", "port", "value")),
                            text(probe, "local_port_details", "port", "name"), remote(at(probe, "remote_ip_details"), null)));
                }
            }
            return new Action.PortProbe(probes, Values.bool(at(details, "blocked")));
        }
        if ((details = at(a, "aws_api_call_action")) != null) {
            String domain = text(details, "domain_details", "domain");
            RemoteEndpoint remote = remote(at(details, "remote_ip_details"), null);
            if (remote == null && domain != null) {
                remote = new RemoteEndpoint(null, null, null, null, null, null, domain);
            }
            return new Action.AwsApiCall(text(details, "api"), text(details, "service_name"), text(details, "caller_type"),
                    remote, text(details, "error_code"), text(details, "user_agent"));
        }
        if ((details = at(a, "dns_request_action")) != null) {
            return new Action.DnsRequest(text(details, "domain"), text(details, "protocol"), Values.bool(at(details, "blocked")));
        }
        if ((details = at(a, "kubernetes_api_call_action")) != null) {
            RemoteEndpoint remote = remote(at(details, "remote_ip_details"), null);
            if (remote == null) {
                remote = ecsEndpoint(doc, "source");
            }
            return new Action.KubernetesApiCall(text(details, "verb"), text(details, "request_uri"), text(details, "user_agent"),
                    Values.integer(at(details, "status_code")), remote);
        }
        if (type == null) {
            return new Action.None();
        }
        details = at(a, "rds_login_attempt_action");
        RemoteEndpoint remote = remote(at(details, "remote_ip_details"), null);
        return new Action.Other(type, remote != null ? remote : ecsEndpoint(doc, "source"));
    }

    /** ECS endpoints often lack the organization GuardDuty gave; take it (and the place) from the raw finding. */
    private static Action withOrganizationFrom(Action action, Action original) {
        if (!(action instanceof Action.NetworkConnection connection) || !(original instanceof Action.NetworkConnection raw)
                || connection.remote() == null || raw.remote() == null
                || connection.remote().organization().name() != null
                || !java.util.Objects.equals(connection.remote().ip(), raw.remote().ip())) {
            return action;
        }
        RemoteEndpoint ecs = connection.remote();
        RemoteEndpoint filled = new RemoteEndpoint(ecs.ip(), ecs.port() != null ? ecs.port() : raw.remote().port(),
                ecs.portName() != null ? ecs.portName() : raw.remote().portName(), raw.remote().organization(),
                ecs.country() != null ? ecs.country() : raw.remote().country(),
                ecs.city() != null ? ecs.city() : raw.remote().city(), ecs.domain());
        return new Action.NetworkConnection(connection.direction(), connection.protocol(), connection.localIp(),
                connection.localPort(), connection.localPortName(), filled, connection.blocked());
    }

    private static RemoteEndpoint remote(JsonNode ip, JsonNode port) {
        if (ip == null && port == null) {
            return null;
        }
        Organization org = new Organization(text(ip, "organization", "asn"), text(ip, "organization", "asnorg"),
                text(ip, "organization", "isp"), text(ip, "organization", "org"));
        return new RemoteEndpoint(first(text(ip, "ip_address_v4"), text(ip, "ip_address_v6")),
                Values.integer(at(port, "value")), text(port, "name"), org, text(ip, "country", "name"),
                text(ip, "city", "name"), null);
    }

    /** An ECS endpoint ({@code source} or {@code destination}); values may be single or arrays. */
    private static RemoteEndpoint ecsEndpoint(JsonNode doc, String side) {
        JsonNode end = at(doc, side);
        String ip = text(end, "ip");
        if (ip == null) {
            return null;
        }
        Organization org = new Organization(text(end, "as", "number"), text(end, "as", "organization", "name"), null, null);
        return new RemoteEndpoint(ip, Values.integer(scalar(at(end, "port"))), null, org, text(end, "geo", "country_name"),
                text(end, "geo", "city_name"), text(end, "domain"));
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** Follows the path through objects; a dotted key ({@code "aws.guardduty"}) is tried when the nested one is absent. */
    static JsonNode at(JsonNode node, String... path) {
        return at(node, path, 0);
    }

    private static JsonNode at(JsonNode node, String[] path, int from) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (from == path.length) {
            return node;
        }
        JsonNode child = node.get(path[from]);
        if (child != null && !child.isNull()) {
            return from + 1 == path.length ? child : at(child, path, from + 1);
        }
        StringBuilder dotted = new StringBuilder(path[from]);
        for (int i = from + 1; i < path.length; i++) {
            dotted.append('.').append(path[i]);
            child = node.get(dotted.toString());
            if (child != null && !child.isNull()) {
                return i + 1 == path.length ? child : at(child, path, i + 1);
            }
        }
        return null;
    }

    private static JsonNode scalar(JsonNode node) {
        return node != null && node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
    }

    private static String text(JsonNode node, String... path) {
        return Values.text(scalar(at(node, path)));
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
