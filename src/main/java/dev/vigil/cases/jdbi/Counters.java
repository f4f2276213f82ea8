package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** Allocates ids from the {@code counters} table inside the caller's transaction (the row lock serializes writers on PostgreSQL). */
final class Counters {
    private Counters() {
    }

    /**
     * Reserves {@code count} ids and returns the first of them. Plain JDBC: an import reserves twice per batch, and
     * Jdbi's statement set-up (and its mapper look-up) cost more than the two statements.
     */
    static long reserve(Handle handle, String name, long count) {
        Connection connection = handle.getConnection();
        try (PreparedStatement update = connection.prepareStatement("UPDATE counters SET value = value + ? WHERE name = ?");
             PreparedStatement select = connection.prepareStatement("SELECT value FROM counters WHERE name = ?")) {
            update.setLong(1, count);
            update.setString(2, name);
            update.executeUpdate();
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the store has no counter " + name);
                }
                return rows.getLong(1) - count + 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reserve " + name + " ids: " + e.getMessage(), e);
        }
    }
}
