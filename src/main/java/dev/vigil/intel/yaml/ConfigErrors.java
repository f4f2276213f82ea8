package dev.vigil.intel.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The errors found in configuration files, collected so that all of them are reported at once, sorted by place:
 * {@code vigil.yaml:12:5: unknown_key: unknown key "pahts"; did you mean "path"?}.
 */
public final class ConfigErrors {

    /** One error: where, a stable snake_case code, and a message that says how to fix it. */
    public record Error(Place place, String code, String message) {
        @Override
        public String toString() {
            return place + ": " + code + ": " + message;
        }
    }

    private final List<Error> errors = new ArrayList<>();

    public synchronized void add(Place place, String code, String message) {
        errors.add(new Error(place, code, message));
    }

    public synchronized void addAll(ConfigErrors other) {
        errors.addAll(other.list());
    }

    public synchronized boolean isEmpty() {
        return errors.isEmpty();
    }

    public synchronized int size() {
        return errors.size();
    }

    public synchronized List<Error> list() {
        return errors.stream().sorted(Comparator.comparing(Error::place)).toList();
    }

    /** Throws a {@link InvalidConfigurationException} listing every error (one per line) when there is any. */
    public void throwIfAny() {
        if (!isEmpty()) {
            List<Error> sorted = list();
            String lines = sorted.stream().map(Error::toString).collect(Collectors.joining("\n"));
            throw new InvalidConfigurationException(sorted.size() == 1 ? lines
                    : sorted.size() + " configuration errors:\n" + lines);
        }
    }
}
