package dev.vigil.ingest;

import static dev.vigil.ingest.GuardDutyNames.*;
import static dev.vigil.ingest.TokenValues.append;
import static dev.vigil.ingest.TokenValues.array;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.objectOrNull;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.strictObject;
import static dev.vigil.ingest.TokenValues.text;
import static dev.vigil.ingest.TokenValues.texts;

import dev.vigil.finding.AccessKey;
import dev.vigil.finding.Instance;
import dev.vigil.finding.NetworkInterface;
import dev.vigil.finding.Resource;
import dev.vigil.finding.ResourceRef;
import dev.vigil.finding.S3Bucket;
import dev.vigil.finding.SecurityGroup;
import dev.vigil.finding.Tags;
import java.util.List;
import java.util.Map;

/**
 * {@link GuardDutyMapper#resource} on the record's bytes ({@link JsonCursor}): the finding's {@code resource} object.
 * Stateless.
 */
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
    /** A tag's opening brace and key name up to its value's opening quote, and its value name up to the colon. */
    private static final long COMPACT_KEY = JsonCursor.word("{\"key\":\"");
    private static final long COMPACT_VALUE = JsonCursor.word(",\"value\"");

    private StreamedResource() {
    }

    /** The resource at the parser (any value: only an object is a resource, as in the tree path). */
    static Resource read(JsonCursor c) {
        if (!object(c)) {
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
        for (Field field = FIELDS.next(c); field != null; field = FIELDS.next(c)) {
            seen = once(seen, field.ordinal());
            switch (field) {
                case RESOURCE_TYPE -> resourceType = text(c);
                case INSTANCE_DETAILS -> instance = object(c) ? instance(c) : null;
                case ACCESS_KEY_DETAILS -> {
                    if (object(c)) {
                        String[] v = texts(c, ACCESS_KEY);
                        accessKey = new AccessKey(v[0], v[1], v[2], v[3]);
                    }
                }
                case S3_BUCKET_DETAILS -> {
                    if (array(c)) {
                        while (c.nextElement()) {
                            String[] v = strictTexts(c, BUCKET);
                            buckets = append(buckets, new S3Bucket(v[0], v[1], v[2]));
                        }
                    }
                }
                case EKS_CLUSTER_DETAILS -> {
                    if (objectOrNull(c)) {
                        String[] v = texts(c, ARN_NAME);
                        eks = new ResourceRef("EKSCluster", v[0], v[1]);
                    }
                }
                case KUBERNETES_DETAILS -> workload = object(c) ? kubernetesWorkload(c) : null;
                case ECS_CLUSTER_DETAILS -> {
                    if (objectOrNull(c)) {
                        ResourceRef[] refs = ecsCluster(c);
                        ecs = refs[0];
                        task = refs[1];
                    }
                }
                case CONTAINER_DETAILS -> {
                    if (object(c)) {
                        String[] v = texts(c, CONTAINER);
                        container = new ResourceRef("Container", v[1], v[0] != null ? v[0] : v[2]);
                    }
                }
                case RDS_DB_INSTANCE_DETAILS -> {
                    if (object(c)) {
                        String[] v = texts(c, RDS);
                        rds = new ResourceRef("RDSDBInstance", v[1], v[0] != null ? v[0] : v[2]);
                    }
                }
                case LAMBDA_DETAILS -> {
                    if (object(c)) {
                        String[] v = texts(c, LAMBDA);
                        lambda = new ResourceRef("Lambda", v[0], v[1]);
                    }
                }
                case EBS_VOLUME_DETAILS -> volumes = object(c) ? volumes(c) : List.of();
                default -> throw new IllegalStateException(field.toString());
            }
        }
        // the same order as GuardDutyMapper.others, whatever the order of the fields
        List<ResourceRef> others = List.of();
        others = addIfPresent(others, eks);
        others = addIfPresent(others, workload);
        others = addIfPresent(others, ecs);
        others = addIfPresent(others, task);
        others = addIfPresent(others, container);
        others = addIfPresent(others, rds);
        others = addIfPresent(others, lambda);
        for (ResourceRef volume : volumes) {
            others = append(others, volume);
        }
        return new Resource(resourceType, instance, accessKey, buckets, others);
    }

    private static List<ResourceRef> addIfPresent(List<ResourceRef> others, ResourceRef ref) {
        return ref == null ? others : append(others, ref);
    }

    /** An array element the tree path reads field by field: only an object reads the same. */
    private static String[] strictTexts(JsonCursor c, Key[] keys) {
        strictObject(c);
        return texts(c, keys);
    }

    private static ResourceRef kubernetesWorkload(JsonCursor c) {
        ResourceRef workload = null;
        long seen = 0;
        while (c.nextField()) {
            if (!KUBERNETES_WORKLOAD_DETAILS.named(c)) {
                c.skipValue();
                continue;
            }
            seen = once(seen, 0);
            if (object(c)) {
                String[] v = texts(c, WORKLOAD);
                String label = v[1] == null ? v[0] : v[0] == null ? v[1] : v[1] + "/" + v[0];
                workload = new ResourceRef("KubernetesWorkload", v[2], label);
            }
        }
        return workload;
    }

    /** The cluster and its task (null when there is none). */
    private static ResourceRef[] ecsCluster(JsonCursor c) {
        String arn = null;
        String name = null;
        ResourceRef task = null;
        long seen = 0;
        while (c.nextField()) {
            if (ARN.named(c)) {
                seen = once(seen, 0);
                arn = text(c);
            } else if (NAME.named(c)) {
                seen = once(seen, 1);
                name = text(c);
            } else if (TASK_DETAILS.named(c)) {
                seen = once(seen, 2);
                if (object(c)) {
                    String[] v = texts(c, TASK);
                    task = new ResourceRef("ECSTask", v[0], v[1]);
                } else {
                    task = null;
                }
            } else {
                c.skipValue();
            }
        }
        return new ResourceRef[] {new ResourceRef("ECSCluster", arn, name), task};
    }

    private static List<ResourceRef> volumes(JsonCursor c) {
        List<ResourceRef> volumes = List.of();
        long seen = 0;
        while (c.nextField()) {
            if (!SCANNED_VOLUME_DETAILS.named(c)) {
                c.skipValue();
                continue;
            }
            seen = once(seen, 0);
            volumes = List.of();
            if (array(c)) {
                while (c.nextElement()) {
                    String[] v = strictTexts(c, VOLUME);
                    volumes = append(volumes, new ResourceRef("EBSVolume", v[0], v[1]));
                }
            }
        }
        return volumes;
    }

    private static Instance instance(JsonCursor c) {
        String id = null;
        String type = null;
        String imageId = null;
        String state = null;
        String zone = null;
        Map<String, String> tags = Map.of();
        List<NetworkInterface> interfaces = List.of();
        long seen = 0;
        for (InstanceField field = INSTANCE_FIELDS.next(c); field != null; field = INSTANCE_FIELDS.next(c)) {
            seen = once(seen, field.ordinal());
            switch (field) {
                case INSTANCE_ID -> id = text(c);
                case INSTANCE_TYPE -> type = text(c);
                case IMAGE_ID -> imageId = text(c);
                case INSTANCE_STATE -> state = text(c);
                case AVAILABILITY_ZONE -> zone = text(c);
                case TAGS -> tags = tags(c);
                case NETWORK_INTERFACES -> {
                    interfaces = List.of();
                    if (array(c)) {
                        while (c.nextElement()) {
                            strictObject(c);
                            interfaces = append(interfaces, networkInterface(c));
                        }
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return new Instance(id, type, imageId, state, zone, tags, interfaces);
    }

    /** As {@link GuardDutyMapper#tags}: a list of {@code {"key":..,"value":..}} or a plain map. */
    private static Map<String, String> tags(JsonCursor c) {
        byte first = c.peek();
        if (first == 'n') {
            c.readNull();
            return Map.of();
        }
        Tags.Builder map = new Tags.Builder();
        if (first == '[') {
            c.enter();
            while (c.nextElement()) {
                String[] tag = tag(c);
                if (tag != null && tag[0] != null) {
                    map.put(tag[0], tag[1] == null ? "" : tag[1]);
                }
            }
        } else if (first == '{') {
            c.enter();
            while (c.nextField()) {
                String name = c.name();
                String value = text(c);
                map.put(name, value == null ? "" : value);
            }
        } else {
            c.skipValue();
        }
        // built as the Tags that Instance keeps: a repeated key keeps its first place and takes its last value
        return map.build();
    }

    /**
     * One element of a tag list: its key and value as {@link TokenValues#texts} reads them, null when it is not an
     * object. Most are compact {@code {"key":"..","value":".."}}, whose names and punctuation two word tests check here
     * instead of reading them field by field (a finding has a dozen tags); anything else is read field by field from
     * where the tests stop.
     */
    private static String[] tag(JsonCursor c) {
        if (!c.at(COMPACT_KEY)) {
            return object(c) ? texts(c, TAG) : null;
        }
        c.skip(7);
        String[] tag = new String[2];
        tag[0] = text(c);
        if (!c.at(COMPACT_VALUE, (byte) ':')) {
            return texts(c, TAG, tag, 1);
        }
        c.skip(9);
        c.skipWhitespace();
        tag[1] = text(c);
        if (c.peek() != '}') {
            return texts(c, TAG, tag, 3);
        }
        c.skip(1);
        return tag;
    }

    private static NetworkInterface networkInterface(JsonCursor c) {
        String id = null;
        String privateIp = null;
        List<String> privateIps = List.of();
        String publicIp = null;
        String vpcId = null;
        String subnetId = null;
        List<SecurityGroup> groups = List.of();
        long seen = 0;
        for (InterfaceField field = INTERFACE_FIELDS.next(c); field != null; field = INTERFACE_FIELDS.next(c)) {
            seen = once(seen, field.ordinal());
            switch (field) {
                case NETWORK_INTERFACE_ID -> id = text(c);
                case PRIVATE_IP_ADDRESS -> privateIp = text(c);
                case PRIVATE_IP_ADDRESSES -> {
                    privateIps = List.of();
                    if (array(c)) {
                        while (c.nextElement()) {
                            if (object(c)) {
                                String ip = texts(c, PRIVATE_ADDRESS)[0];
                                if (ip != null) {
                                    privateIps = append(privateIps, ip);
                                }
                            }
                        }
                    }
                }
                case PUBLIC_IP -> publicIp = text(c);
                case VPC_ID -> vpcId = text(c);
                case SUBNET_ID -> subnetId = text(c);
                case SECURITY_GROUPS -> {
                    groups = List.of();
                    if (array(c)) {
                        while (c.nextElement()) {
                            String[] v = strictTexts(c, GROUP);
                            groups = append(groups, new SecurityGroup(v[0], v[1]));
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
