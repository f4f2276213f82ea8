package dev.vigil.finding;

/** A resource known by kind, id and name only, e.g. {@code ("EKSCluster", arn, "prod-cluster")}. */
public record ResourceRef(String kind, String id, String name) {
}
