package dev.vigil.ingest;

import java.util.function.Function;

/**
 * The fields of one kind of GuardDuty object the streaming mapper reads, by name in either spelling: an enum per kind
 * of object, whose constants name a {@link Key} each, and one constant for every other field. The names are matched as
 * bytes against the name the {@link JsonCursor} last read, in a small open-addressing table (no String per name).
 * Immutable.
 */
final class FieldIndex<E extends Enum<E>> {

    private final FieldName[] names;
    private final E[] fields;
    private final int mask;
    private final E other;

    @SuppressWarnings("unchecked")
    private FieldIndex(Class<E> type, Function<E, Key> key, E other) {
        E[] constants = type.getEnumConstants();
        // at most a quarter full: a name not in the table mostly lands on an empty slot at once
        int size = Integer.highestOneBit(constants.length * 8 - 1) << 1;
        this.names = new FieldName[size];
        this.fields = (E[]) java.lang.reflect.Array.newInstance(type, size);
        this.mask = size - 1;
        this.other = other;
        for (E field : constants) {
            if (field != other) {
                put(key.apply(field).camel, field);
                put(key.apply(field).pascal, field);
            }
        }
    }

    private void put(String name, E field) {
        FieldName bytes = FieldName.of(name);
        int slot = bytes.hash & mask;
        while (names[slot] != null) {
            slot = (slot + 1) & mask;
        }
        names[slot] = bytes;
        fields[slot] = field;
    }

    static <E extends Enum<E>> FieldIndex<E> of(Class<E> fields, Function<E, Key> key, E other) {
        return new FieldIndex<>(fields, key, other);
    }

    /** The field the cursor's last name is, or the constant for every other field. */
    E of(JsonCursor cursor) {
        int slot = cursor.nameHash() & mask;
        FieldName name;
        while ((name = names[slot]) != null) {
            if (cursor.nameIs(name)) {
                return fields[slot];
            }
            slot = (slot + 1) & mask;
        }
        return other;
    }

    /**
     * Moves to the next field of the object the cursor is in that this index names, with the cursor at its value;
     * every other field's value is skipped (and checked). Null once past the object's closing brace.
     */
    E next(JsonCursor cursor) {
        while (cursor.nextField()) {
            E field = of(cursor);
            if (field != other) {
                return field;
            }
            cursor.skipValue();
        }
        return null;
    }
}
