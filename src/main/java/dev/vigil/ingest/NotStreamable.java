package dev.vigil.ingest;

/**
 * Thrown by the streaming mapper when a record is anything but a plain finding it reads exactly as the tree path would:
 * the record is then read again through the tree, which gives the same findings and the same rejection messages as
 * before. Carries no message or stack trace: it is a signal, not an error.
 */
final class NotStreamable extends RuntimeException {

    static final NotStreamable INSTANCE = new NotStreamable();

    private NotStreamable() {
        super(null, null, false, false);
    }
}
