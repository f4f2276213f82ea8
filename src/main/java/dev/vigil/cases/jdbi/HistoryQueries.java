package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The history look-ups over the {@code observations} table, each served by an index. Triage asks twice per finding, so
 * the statements are prepared once per connection and reused. For one thread.
 */
public final class HistoryQueries implements AutoCloseable {

    private static final String SEEN_BEFORE_ANY_PORT = "SELECT 1 FROM observations WHERE subject = ? AND remote_ip = ? "
            + "AND first_seen < ? LIMIT 1";
    private static final String SEEN_BEFORE_ON_PORT = "SELECT 1 FROM observations WHERE subject = ? AND remote_ip = ? "
            + "AND remote_port = ? AND first_seen < ? LIMIT 1";
    /** As many instances as the in-memory history keeps per pattern: enough for "two or more" and for the evidence. */
    public static final int MAX_INSTANCES = 256;
    private static final String PATTERN_ANY_PORT = "SELECT DISTINCT instance_id FROM observations WHERE type = ? "
            + "AND remote_ip = ? AND last_seen >= ? AND first_seen <= ? AND instance_id IS NOT NULL LIMIT " + MAX_INSTANCES;
    private static final String PATTERN_ON_PORT = "SELECT DISTINCT instance_id FROM observations WHERE type = ? "
            + "AND remote_ip = ? AND remote_port = ? AND last_seen >= ? AND first_seen <= ? AND instance_id IS NOT NULL "
            + "LIMIT " + MAX_INSTANCES;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public HistoryQueries(Connection connection) {
        this.connection = connection;
    }

    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null) {
            return false;
        }
        long beforeMillis = before == null ? Long.MAX_VALUE : before.toEpochMilli();
        try {
            PreparedStatement statement = statement(port == null ? SEEN_BEFORE_ANY_PORT : SEEN_BEFORE_ON_PORT);
            int index = 1;
            statement.setString(index++, subject);
            statement.setString(index++, remoteIp);
            if (port != null) {
                statement.setInt(index++, port);
            }
            statement.setLong(index, beforeMillis);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant from, Instant to) {
        if (type == null || remoteIp == null) {
            return new LinkedHashSet<>();
        }
        try {
            PreparedStatement statement = statement(port == null ? PATTERN_ANY_PORT : PATTERN_ON_PORT);
            int index = 1;
            statement.setString(index++, type);
            statement.setString(index++, remoteIp);
            if (port != null) {
                statement.setInt(index++, port);
            }
            statement.setLong(index++, from.toEpochMilli());
            statement.setLong(index, to.toEpochMilli());
            Set<String> instances = new LinkedHashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    instances.add(rows.getString(1));
                }
            }
            return instances;
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing the connection next releases it anyway
            }
        }
        statements.clear();
    }
}
