package dev.vigil.intel;

/**
 * An address found in a list. {@code range} is the matched entry in CIDR form ({@code 140.82.112.0/20});
 * {@code note} is the entry's reason or source detail (a known host's reason, the AWS service and region), or null.
 */
public record IpMatch(String list, String range, String note) {
}
