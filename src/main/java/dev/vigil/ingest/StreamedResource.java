package dev.vigil.ingest;

import static dev.vigil.ingest.GuardDutyNames.*;
import static dev.vigil.ingest.TokenValues.array;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.objectOrNull;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.text;
import static dev.vigil.ingest.TokenValues.texts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Instance;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.Resource;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.SecurityGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link GuardDutyMapper#resource} on the token stream: the finding's {@code resource} object. Stateless. */
final class StreamedResource {

    private enum Field {
        RESOURCE_TYPE(GuardDutyNames.RESOURCE_TYPE), INSTANCE_DETAILS(GuardDutyNames.INSTANCE_DETAILS),
        ACCESS_KEY_DETAILS(GuardDutyNames.ACCESS_KEY_DETAILS), S3_BUCKET_DETAILS(GuardDutyNames.S3_BUCKET_DETAILS),
        EKS_CLUSTER_DETAILS(GuardDutyNames.EKS_CLUSTER_DETAILS), KUBERNETES_DETAILS(GuardDutyNames.KUBERNETES_DETAILS),
        ECS_CLUSTER_DETAILS(GuardDutyNames.ECS_CLUSTER_DETAILS), CONTAINER_DETAILS(GuardDutyNames.CONTAINER_DETAILS),
        RDS_DB_INSTANCE_DETAILS(GuardDutyNames.RDS_DB_INSTANCE_DETAILS), LAMBDA_DETAILS(GuardDutyNames.LAMBDA_DETAILS),
        EBS_VOLUME_DETAILS(GuardDutyNames.EBS_VOLUME_DETAILS), OTHER(null);

        final Key key;

        Field(Key key) {
            this.key = key;
        }
    }

    private enum InstanceField {
        INSTANCE_ID(GuardDutyNames.INSTANCE_ID), INSTANCE_TYPE(GuardDutyNames.INSTANCE_TYPE), IMAGE_ID(GuardDutyNames.IMAGE_ID),
        INSTANCE_STATE(GuardDutyNames.INSTANCE_STATE), AVAILABILITY_ZONE(GuardDutyNames.AVAILABILITY_ZONE),
        TAGS(GuardDutyNames.TAGS), NETWORK_INTERFACES(GuardDutyNames.NETWORK_INTERFACES), OTHER(null);

        final Key key;

        InstanceField(Key key) {
            this.key = key;
        }
    }

    private enum InterfaceField {
        NETWORK_INTERFACE_ID(GuardDutyNames.NETWORK_INTERFACE_ID), PRIVATE_IP_ADDRESS(GuardDutyNames.PRIVATE_IP_ADDRESS),
        PRIVATE_IP_ADDRESSES(GuardDutyNames.PRIVATE_IP_ADDRESSES), PUBLIC_IP(GuardDutyNames.PUBLIC_IP),
        VPC_ID(GuardDutyNames.VPC_ID), SUBNET_ID(GuardDutyNames.SUBNET_ID), SECURITY_GROUPS(GuardDutyNames.SECURITY_GROUPS),
        OTHER(null);

        final Key key;

        InterfaceField(Key key) {
            this.key = key;
        }
    }

    private static final FieldIndex<Field> FIELDS = FieldIndex.of(Field.class, f -> f.key, Field.OTHER);
    private static final FieldIndex<InstanceField> INSTANCE_FIELDS =
            FieldIndex.of(InstanceField.class, f -> f.key, InstanceField.OTHER);
    private static final FieldIndex<InterfaceField> INTERFACE_FIELDS =
            FieldIndex.of(InterfaceField.class, f -> f.key, InterfaceField.OTHER);

    private static final Key[] BUCKET = {NAME, ARN, TYPE};
    private static final Key[] ACCESS_KEY = {ACCESS_KEY_ID, PRINCIPAL_ID, USER_NAME, USER_TYPE};
    private static final Key[] ARN_NAME = {ARN, NAME};
    private static final Key[] WORKLOAD = {NAME, NAMESPACE, UID};
    private static final Key[] TASK = {ARN, DEFINITION_ARN};
    private static final Key[] CONTAINER = {NAME, ID, IMAGE};
    private static final Key[] RDS = {DB_INSTANCE_IDENTIFIER, DB_INSTANCE_ARN, DB_CLUSTER_IDENTIFIER};
    private static final Key[] LAMBDA = {FUNCTION_ARN, FUNCTION_NAME};
    private static final Key[] VOLUME = {VOLUME_ARN, DEVICE_NAME};
    private static final Key[] PRIVATE_ADDRESS = {PRIVATE_IP_ADDRESS};
    private static final Key[] GROUP = {GROUP_ID, GROUP_NAME};
    private static final Key[] TAG = {KEY, VALUE};

    private StreamedResource() {
    }

    /** The resource at the parser (any value: only an object is a resource, as in the tree path). */
    static Resource read(JsonParser p) throws IOException {
        if (!object(p)) {
            return Resource.NONE;
        }
        String resourceType = null;
        Instance instance = null;
        AccessKey accessKey = null;
        List<S3Bucket> buckets = List.of();
        ResourceRef eks = null;
        ResourceRef workload = null;
        ResourceRef ecs = null;
        ResourceRef task = null;
        ResourceRef container = null;
        ResourceRef rds = null;
        ResourceRef lambda = null;
        List<ResourceRef> volumes = List.of();
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            Field field = FIELDS.of(name);
            if (field == Field.OTHER) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, field.ordinal());
            switch (field) {
                case RESOURCE_TYPE -> resourceType = text(p);
                case INSTANCE_DETAILS -> instance = object(p) ? instance(p) : null;
                case ACCESS_KEY_DETAILS -> {
                    if (object(p)) {
                        String[] v = texts(p, ACCESS_KEY);
                        accessKey = new AccessKey(v[0], v[1], v[2], v[3]);
                    }
                }
                case S3_BUCKET_DETAILS -> {
                    if (array(p)) {
                        buckets = new ArrayList<>(1);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            String[] v = strictTexts(p, BUCKET);
                            buckets.add(new S3Bucket(v[0], v[1], v[2]));
                        }
                    }
                }
                case EKS_CLUSTER_DETAILS -> {
                    if (objectOrNull(p)) {
                        String[] v = texts(p, ARN_NAME);
                        eks = new ResourceRef("EKSCluster", v[0], v[1]);
                    }
                }
                case KUBERNETES_DETAILS -> workload = object(p) ? kubernetesWorkload(p) : null;
                case ECS_CLUSTER_DETAILS -> {
                    if (objectOrNull(p)) {
                        ResourceRef[] refs = ecsCluster(p);
                        ecs = refs[0];
                        task = refs[1];
                    }
                }
                case CONTAINER_DETAILS -> {
                    if (object(p)) {
                        String[] v = texts(p, CONTAINER);
                        container = new ResourceRef("Container", v[1], v[0] != null ? v[0] : v[2]);
                    }
                }
                case RDS_DB_INSTANCE_DETAILS -> {
                    if (object(p)) {
                        String[] v = texts(p, RDS);
                        rds = new ResourceRef("RDSDBInstance", v[1], v[0] != null ? v[0] : v[2]);
                    }
                }
                case LAMBDA_DETAILS -> {
                    if (object(p)) {
                        String[] v = texts(p, LAMBDA);
                        lambda = new ResourceRef("Lambda", v[0], v[1]);
                    }
                }
                case EBS_VOLUME_DETAILS -> volumes = object(p) ? volumes(p) : List.of();
                default -> throw new IllegalStateException(field.toString());
            }
        }
        // the same order as GuardDutyMapper.others, whatever the order of the fields
        List<ResourceRef> others = new ArrayList<>(2);
        addIfPresent(others, eks);
        addIfPresent(others, workload);
        addIfPresent(others, ecs);
        addIfPresent(others, task);
        addIfPresent(others, container);
        addIfPresent(others, rds);
        addIfPresent(others, lambda);
        others.addAll(volumes);
        return new Resource(resourceType, instance, accessKey, buckets, others);
    }

    private static void addIfPresent(List<ResourceRef> others, ResourceRef ref) {
        if (ref != null) {
            others.add(ref);
        }
    }

    /** An array element the tree path reads field by field: only an object reads the same. */
    private static String[] strictTexts(JsonParser p, Key[] keys) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw NotStreamable.INSTANCE;
        }
        return texts(p, keys);
    }

    private static ResourceRef kubernetesWorkload(JsonParser p) throws IOException {
        ResourceRef workload = null;
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            if (!KUBERNETES_WORKLOAD_DETAILS.is(name)) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, 0);
            if (object(p)) {
                String[] v = texts(p, WORKLOAD);
                String label = v[1] == null ? v[0] : v[0] == null ? v[1] : v[1] + "/" + v[0];
                workload = new ResourceRef("KubernetesWorkload", v[2], label);
            }
        }
        return workload;
    }

    /** The cluster and its task (null when there is none). */
    private static ResourceRef[] ecsCluster(JsonParser p) throws IOException {
        String arn = null;
        String name = null;
        ResourceRef task = null;
        long seen = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            if (ARN.is(field)) {
                seen = once(seen, 0);
                arn = text(p);
            } else if (NAME.is(field)) {
                seen = once(seen, 1);
                name = text(p);
            } else if (TASK_DETAILS.is(field)) {
                seen = once(seen, 2);
                if (object(p)) {
                    String[] v = texts(p, TASK);
                    task = new ResourceRef("ECSTask", v[0], v[1]);
                } else {
                    task = null;
                }
            } else {
                p.skipChildren();
            }
        }
        return new ResourceRef[] {new ResourceRef("ECSCluster", arn, name), task};
    }

    private static List<ResourceRef> volumes(JsonParser p) throws IOException {
        List<ResourceRef> volumes = List.of();
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            if (!SCANNED_VOLUME_DETAILS.is(name)) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, 0);
            volumes = List.of();
            if (array(p)) {
                volumes = new ArrayList<>(1);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String[] v = strictTexts(p, VOLUME);
                    volumes.add(new ResourceRef("EBSVolume", v[0], v[1]));
                }
            }
        }
        return volumes;
    }

    private static Instance instance(JsonParser p) throws IOException {
        String id = null;
        String type = null;
        String imageId = null;
        String state = null;
        String zone = null;
        Map<String, String> tags = Map.of();
        List<NetworkInterface> interfaces = List.of();
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            InstanceField field = INSTANCE_FIELDS.of(name);
            if (field == InstanceField.OTHER) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, field.ordinal());
            switch (field) {
                case INSTANCE_ID -> id = text(p);
                case INSTANCE_TYPE -> type = text(p);
                case IMAGE_ID -> imageId = text(p);
                case INSTANCE_STATE -> state = text(p);
                case AVAILABILITY_ZONE -> zone = text(p);
                case TAGS -> tags = tags(p);
                case NETWORK_INTERFACES -> {
                    interfaces = List.of();
                    if (array(p)) {
                        interfaces = new ArrayList<>(1);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                throw NotStreamable.INSTANCE;
                            }
                            interfaces.add(networkInterface(p));
                        }
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return new Instance(id, type, imageId, state, zone, tags, interfaces);
    }

    /** As {@link GuardDutyMapper#tags}: a list of {@code {"key":..,"value":..}} or a plain map. */
    private static Map<String, String> tags(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (token == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!object(p)) {
                    continue;
                }
                String[] tag = texts(p, TAG);
                if (tag[0] != null) {
                    map.put(tag[0], tag[1] == null ? "" : tag[1]);
                }
            }
        } else if (token == JsonToken.START_OBJECT) {
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                String value = text(p);
                map.put(name, value == null ? "" : value);
            }
        }
        return map;
    }

    private static NetworkInterface networkInterface(JsonParser p) throws IOException {
        String id = null;
        String privateIp = null;
        List<String> privateIps = List.of();
        String publicIp = null;
        String vpcId = null;
        String subnetId = null;
        List<SecurityGroup> groups = List.of();
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            InterfaceField field = INTERFACE_FIELDS.of(name);
            if (field == InterfaceField.OTHER) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, field.ordinal());
            switch (field) {
                case NETWORK_INTERFACE_ID -> id = text(p);
                case PRIVATE_IP_ADDRESS -> privateIp = text(p);
                case PRIVATE_IP_ADDRESSES -> {
                    privateIps = List.of();
                    if (array(p)) {
                        privateIps = new ArrayList<>(1);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (object(p)) {
                                String ip = texts(p, PRIVATE_ADDRESS)[0];
                                if (ip != null) {
                                    privateIps.add(ip);
                                }
                            }
                        }
                    }
                }
                case PUBLIC_IP -> publicIp = text(p);
                case VPC_ID -> vpcId = text(p);
                case SUBNET_ID -> subnetId = text(p);
                case SECURITY_GROUPS -> {
                    groups = List.of();
                    if (array(p)) {
                        groups = new ArrayList<>(1);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            String[] v = strictTexts(p, GROUP);
                            groups.add(new SecurityGroup(v[0], v[1]));
                        }
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }
        if (privateIp == null && !privateIps.isEmpty()) {
            privateIp = privateIps.get(0);
        }
        return new NetworkInterface(id, privateIp, privateIps, publicIp, vpcId, subnetId, groups);
    }
}
