package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The history look-ups over {@code contacts} and {@code pattern_instances}, each one primary-key look-up or range
 * ("any port": the range of the ports).
 * {@code MAX_INSTANCES} is how many instances of a pattern the history names, as {@code InMemoryHistory} does.
 * Triage asks twice per finding, so the statements are prepared once per connection and reused. For one thread.
 */
public final class HistoryQueries implements AutoCloseable {

    /** As many instances as the in-memory history keeps per pattern: enough for "two or more" and for the evidence. */
    public static final int MAX_INSTANCES = 256;

    private static final String CONTACT = "SELECT first_seen FROM contacts WHERE subject = ? AND remote_ip = ? "
            + "AND remote_port = ?";
    /** "Any port": the earliest contact over the ports, a range of the key (schema 3 keeps no row for any port). */
    private static final String CONTACT_ANY_PORT = "SELECT min(first_seen) FROM contacts WHERE subject = ? AND remote_ip = ?";

    /** The instances of one pattern with their first and last time seen. */
    public record PatternInstance(String instance, long firstSeen, long lastSeen) {
    }

    /** How many instances of one pattern are read (the most recently seen); a pattern with more is cut there. */
    public static final int MAX_PATTERN_ROWS = 4096;
    private static final String PATTERN_ROWS = "SELECT instance_id, first_seen, last_seen FROM pattern_instances "
            + "WHERE type = ? AND remote_ip = ? AND remote_port = ? ORDER BY last_seen DESC, instance_id LIMIT " + MAX_PATTERN_ROWS;
    /** "Any port": each instance over the ports of the pattern, first seen on any, last seen on any. */
    private static final String PATTERN_ROWS_ANY_PORT = "SELECT instance_id, min(first_seen), max(last_seen) AS last "
            + "FROM pattern_instances WHERE type = ? AND remote_ip = ? GROUP BY instance_id "
            + "ORDER BY last DESC, instance_id LIMIT " + MAX_PATTERN_ROWS;

    private final Connection connection;
    private PreparedStatement contact;
    private PreparedStatement contactAnyPort;
    private PreparedStatement patternRows;
    private PreparedStatement patternRowsAnyPort;

    public HistoryQueries(Connection connection) {
        this.connection = connection;
    }

    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null) {
            return false;
        }
        try {
            PreparedStatement statement;
            if (port == null) {
                statement = contactAnyPort = prepared(contactAnyPort, CONTACT_ANY_PORT);
            } else {
                statement = contact = prepared(contact, CONTACT);
                statement.setInt(3, port);
            }
            statement.setString(1, subject);
            statement.setString(2, remoteIp);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                long firstSeen = rows.getLong(1);
                return !rows.wasNull() && (before == null || firstSeen < before.toEpochMilli());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    /** Every instance of the pattern (up to {@link #MAX_PATTERN_ROWS}), whatever its time, for the history to cache. */
    public java.util.List<PatternInstance> patternInstances(String type, String remoteIp, Integer port) {
        java.util.List<PatternInstance> instances = new java.util.ArrayList<>();
        try {
            PreparedStatement statement;
            if (port == null) {
                statement = patternRowsAnyPort = prepared(patternRowsAnyPort, PATTERN_ROWS_ANY_PORT);
            } else {
                statement = patternRows = prepared(patternRows, PATTERN_ROWS);
                statement.setInt(3, port);
            }
            statement.setString(1, type);
            statement.setString(2, remoteIp);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    instances.add(new PatternInstance(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return instances;
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepared(PreparedStatement statement, String sql) throws SQLException {
        return statement != null ? statement : connection.prepareStatement(sql);
    }

    @Override
    public void close() {
        for (PreparedStatement statement : new PreparedStatement[] {contact, contactAnyPort, patternRows, patternRowsAnyPort}) {
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // closing the connection next releases it anyway
                }
            }
        }
    }
}
