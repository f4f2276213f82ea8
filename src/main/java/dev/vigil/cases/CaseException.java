package dev.vigil.cases;

/** A problem the user can fix (an unknown case id, a step that does not exist, a transition the lifecycle forbids); the message says how. */
public final class CaseException extends RuntimeException {
    public CaseException(String message) {
        super(message);
    }

    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
