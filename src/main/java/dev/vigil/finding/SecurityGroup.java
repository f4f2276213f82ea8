package dev.vigil.finding;

/** A security group attached to a network interface. */
public record SecurityGroup(String id, String name) {
}
