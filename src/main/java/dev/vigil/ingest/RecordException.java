package dev.vigil.ingest;

/** Why one record cannot be read. Carries no stack trace: it is an expected outcome, raised once per bad record. */
final class RecordException extends RuntimeException {

    RecordException(String reason) {
        super(reason, null, false, false);
    }
}
