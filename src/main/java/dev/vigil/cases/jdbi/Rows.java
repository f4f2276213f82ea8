package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queries in plain JDBC, for the read path of the short commands ({@code vigil cases list / show}, {@code metrics}):
 * Jdbi's set-up and first statement took longer than the queries themselves there (~0.1 s of a 0.3 s command). The
 * parameters are positional ({@code ?}) and bound with {@code setObject}, which binds the same types on SQLite and
 * PostgreSQL as Jdbi did.
 */
final class Rows {
    private Rows() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row's value, if there is a row. */
    static <T> Optional<T> first(Connection connection, String sql, Mapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first column of the one row a query such as {@code SELECT count(*)} returns. */
    static long count(Connection connection, String sql, Object... parameters) {
        return first(connection, sql, rows -> rows.getLong(1), parameters)
                .orElseThrow(() -> new IllegalStateException("no row from " + sql));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("reading the case store failed: " + e.getMessage() + " (in " + sql + ")", e);
    }
}
