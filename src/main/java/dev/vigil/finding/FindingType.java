package dev.vigil.finding;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A GuardDuty finding type such as {@code Behavior:EC2/NetworkPortUnusual}: {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact}.
 * Types that do not follow the pattern (e.g. {@code AttackSequence:IAM/CompromisedCredentials} does; a custom one may not) keep their name, and the parts that cannot be read are empty strings.
 */
public record FindingType(String name) {

    public FindingType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("finding type is blank");
        }
    }

    public static FindingType of(String name) {
        return new FindingType(name.trim());
    }

    /** {@code Behavior} in {@code Behavior:EC2/NetworkPortUnusual}. */
    public String threatPurpose() {
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(0, colon);
    }

    /** {@code EC2} in {@code Behavior:EC2/NetworkPortUnusual}. */
    public String resourceType() {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/', colon + 1);
        return colon < 0 || slash < 0 ? "" : name.substring(colon + 1, slash);
    }

    /** {@code NetworkPortUnusual} in {@code Behavior:EC2/NetworkPortUnusual}; {@code C&CActivity.B!DNS} in {@code Backdoor:EC2/C&CActivity.B!DNS}. */
    public String family() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
