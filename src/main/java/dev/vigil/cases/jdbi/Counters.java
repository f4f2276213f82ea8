package dev.vigil.cases.jdbi;

import org.jdbi.v3.core.Handle;

/** Allocates ids from the {@code counters} table inside the caller's transaction (the row lock serializes writers on PostgreSQL). */
final class Counters {
    private Counters() {
    }

    /** Reserves {@code count} ids and returns the first of them. */
    static long reserve(Handle handle, String name, long count) {
        handle.createUpdate("UPDATE counters SET value = value + :count WHERE name = :name")
                .bind("count", count).bind("name", name).execute();
        long last = handle.createQuery("SELECT value FROM counters WHERE name = :name")
                .bind("name", name).mapTo(Long.class).one();
        return last - count + 1;
    }
}
