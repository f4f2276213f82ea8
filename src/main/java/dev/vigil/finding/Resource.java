package dev.vigil.finding;

import java.util.List;

/**
 * What the finding is about. {@code resourceType} is GuardDuty's own ({@code Instance}, {@code AccessKey}, {@code S3Bucket},
 * {@code EKSCluster}, {@code Container}, {@code ECSCluster}, {@code RDSDBInstance}, {@code Lambda}, ...). Parts that do not apply are null or empty.
 *
 * @param others resources known by kind, id and name only (EKS cluster, ECS cluster, container, RDS database, Lambda function, ...)
 */
public record Resource(String resourceType, Instance instance, AccessKey accessKey, List<S3Bucket> s3Buckets,
                       List<ResourceRef> others) {

    public static final Resource NONE = new Resource(null, null, null, List.of(), List.of());

    public Resource {
        s3Buckets = s3Buckets == null ? List.of() : List.copyOf(s3Buckets);
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** A short label for tables: the instance id, the access key's user, the first bucket, or the first other resource. */
    public String label() {
        if (instance != null && instance.id() != null) {
            return instance.id();
        }
        if (accessKey != null && accessKey.userName() != null) {
            return accessKey.userName();
        }
        if (!s3Buckets.isEmpty()) {
            return s3Buckets.get(0).name();
        }
        if (!others.isEmpty()) {
            ResourceRef first = others.get(0);
            return first.name() != null ? first.name() : first.id();
        }
        return resourceType == null ? "" : resourceType;
    }
}
