package dev.vigil.finding;

/** An S3 bucket a finding is about. */
public record S3Bucket(String name, String arn, String type) {
}
