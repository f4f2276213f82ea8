package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The history look-ups over {@code contacts} and {@code pattern_instances}, each one primary-key look-up or range.
 * Triage asks twice per finding, so the statements are prepared once per connection and reused. For one thread.
 */
public final class HistoryQueries implements AutoCloseable {

    /** As many instances as the in-memory history keeps per pattern: enough for "two or more" and for the evidence. */
    public static final int MAX_INSTANCES = 256;

    private static final String CONTACT = "SELECT first_seen FROM contacts WHERE subject = ? AND remote_ip = ? "
            + "AND remote_port = ?";
    private static final String PATTERN = "SELECT instance_id FROM pattern_instances WHERE type = ? AND remote_ip = ? "
            + "AND remote_port = ? AND last_seen >= ? AND first_seen <= ? LIMIT " + MAX_INSTANCES;

    private final Connection connection;
    private PreparedStatement contact;
    private PreparedStatement pattern;

    public HistoryQueries(Connection connection) {
        this.connection = connection;
    }

    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        if (subject == null || remoteIp == null) {
            return false;
        }
        try {
            if (contact == null) {
                contact = connection.prepareStatement(CONTACT);
            }
            contact.setString(1, subject);
            contact.setString(2, remoteIp);
            contact.setInt(3, port == null ? BatchWrite.ANY_PORT : port);
            try (ResultSet rows = contact.executeQuery()) {
                return rows.next() && (before == null || rows.getLong(1) < before.toEpochMilli());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant from, Instant to) {
        Set<String> instances = new LinkedHashSet<>();
        if (type == null || remoteIp == null) {
            return instances;
        }
        try {
            if (pattern == null) {
                pattern = connection.prepareStatement(PATTERN);
            }
            pattern.setString(1, type);
            pattern.setString(2, remoteIp);
            pattern.setInt(3, port == null ? BatchWrite.ANY_PORT : port);
            pattern.setLong(4, from.toEpochMilli());
            pattern.setLong(5, to.toEpochMilli());
            try (ResultSet rows = pattern.executeQuery()) {
                while (rows.next()) {
                    instances.add(rows.getString(1));
                }
            }
            return instances;
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : new PreparedStatement[] {contact, pattern}) {
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
