package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The history look-ups over {@code contacts} and {@code pattern_instances}, each one primary-key look-up or range.
 * {@code MAX_INSTANCES} is how many instances of a pattern the history names, as {@code InMemoryHistory} does.
 * Triage asks twice per finding, so the statements are prepared once per connection and reused. For one thread.
 */
public final class HistoryQueries implements AutoCloseable {

    /** As many instances as the in-memory history keeps per pattern: enough for "two or more" and for the evidence. */
    public static final int MAX_INSTANCES = 256;

    private static final String CONTACT = "SELECT first_seen FROM contacts WHERE subject = ? AND remote_ip = ? "
            + "AND remote_port = ?";

    /** The instances of one pattern with their first and last time seen. */
    public record PatternInstance(String instance, long firstSeen, long lastSeen) {
    }

    /** How many instances of one pattern are read (the most recently seen); a pattern with more is cut there. */
    public static final int MAX_PATTERN_ROWS = 4096;
    private static final String PATTERN_ROWS = "SELECT instance_id, first_seen, last_seen FROM pattern_instances "
            + "WHERE type = ? AND remote_ip = ? AND remote_port = ? ORDER BY last_seen DESC LIMIT " + MAX_PATTERN_ROWS;

    private final Connection connection;
    private PreparedStatement contact;
    private PreparedStatement patternRows;

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

    /** Every instance of the pattern (up to {@link #MAX_PATTERN_ROWS}), whatever its time, for the history to cache. */
    public java.util.List<PatternInstance> patternInstances(String type, String remoteIp, Integer port) {
        java.util.List<PatternInstance> instances = new java.util.ArrayList<>();
        try {
            if (patternRows == null) {
                patternRows = connection.prepareStatement(PATTERN_ROWS);
            }
            patternRows.setString(1, type);
            patternRows.setString(2, remoteIp);
            patternRows.setInt(3, port == null ? BatchWrite.ANY_PORT : port);
            try (ResultSet rows = patternRows.executeQuery()) {
                while (rows.next()) {
                    instances.add(new PatternInstance(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                }
            }
            return instances;
        } catch (SQLException e) {
            throw new IllegalStateException("the history look-up failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : new PreparedStatement[] {contact, patternRows}) {
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
