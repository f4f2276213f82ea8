package dev.vigil.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when playbooks do not load; carries every error of every file, sorted by place. */
public final class PlaybookException extends RuntimeException {

    private final List<PlaybookError> errors;

    public PlaybookException(List<PlaybookError> errors) {
        super(errors.stream().sorted().map(PlaybookError::toString).collect(Collectors.joining("\n")));
        this.errors = errors.stream().sorted().toList();
    }

    public List<PlaybookError> errors() {
        return errors;
    }
}
