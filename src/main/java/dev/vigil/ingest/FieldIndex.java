package dev.vigil.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields of one kind of GuardDuty object the streaming mapper reads, by name in either spelling: an enum per kind of
 * object, whose constants name a {@link Key} each, and one constant for every other field. Immutable.
 */
final class FieldIndex<E extends Enum<E>> {

    private final Map<String, E> byName = new HashMap<>();
    private final E other;

    private FieldIndex(Class<E> fields, Function<E, Key> key, E other) {
        for (E field : fields.getEnumConstants()) {
            if (field != other) {
                byName.put(key.apply(field).camel, field);
                byName.put(key.apply(field).pascal, field);
            }
        }
        this.other = other;
    }

    static <E extends Enum<E>> FieldIndex<E> of(Class<E> fields, Function<E, Key> key, E other) {
        return new FieldIndex<>(fields, key, other);
    }

    /** The field a name is, or the constant for every other field. */
    E of(String name) {
        return byName.getOrDefault(name, other);
    }
}
