package dev.vigil.ingest;

import java.util.Locale;

/** The shapes a finding arrives in. Detected per record unless forced with {@code --input-format}. */
public enum InputFormat {
    /** A GuardDuty finding object, camelCase (EventBridge detail, S3 export) or PascalCase (GetFindings via CLI/SDK). */
    GUARDDUTY,
    /** An EventBridge / CloudWatch Events envelope with {@code "detail-type": "GuardDuty Finding"}. */
    EVENTBRIDGE,
    /** A Security Hub finding (ASFF) whose product is GuardDuty. */
    ASFF,
    /** An Elastic Common Schema document from Elastic's aws.guardduty integration. */
    ECS;

    // computed once: every finding read names its format
    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the command line and in {@code Finding.sourceFormat}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id();
    }
}
