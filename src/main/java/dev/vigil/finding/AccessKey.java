package dev.vigil.finding;

/** The IAM access key a finding is about. {@code userType} is e.g. {@code Root}, {@code IAMUser}, {@code AssumedRole}. */
public record AccessKey(String accessKeyId, String principalId, String userName, String userType) {
}
