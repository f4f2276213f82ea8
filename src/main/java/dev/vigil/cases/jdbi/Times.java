package dev.vigil.cases.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Times are stored as epoch milliseconds (portable and cheap to compare); null stays null. */
final class Times {
    private Times() {
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}
