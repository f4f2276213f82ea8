package dev.vigil.cases.jdbi;

import dev.vigil.triage.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 2: a case's checklist moves from a row per step ({@code case_steps}) to one value per case
 * ({@code case_checklists}: the steps as compressed JSON, see {@link Blobs}), the steps checked off to
 * {@code checked_steps}; {@code dictionaries} holds the compression dictionaries; the unused index {@code cases_by_last_seen} goes. A Java migration because building the
 * JSON differs between SQLite and PostgreSQL; the rows are read and written with plain JDBC on both. Verdicts stored
 * before stay as they are (zlib streams, still read).
 */
public final class V2__Compact_case_store extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            // no query uses it: metrics select "last_seen >= ? OR opened_at >= ?", a scan on both databases
            statement.execute("DROP INDEX cases_by_last_seen");
            statement.execute("CREATE TABLE dictionaries (id BIGINT NOT NULL PRIMARY KEY, created_at BIGINT NOT NULL, "
                    + "content BYTEA NOT NULL)");
            statement.execute("CREATE TABLE case_checklists (case_number BIGINT NOT NULL PRIMARY KEY, steps BYTEA NOT NULL)");
            statement.execute("CREATE TABLE checked_steps (case_number BIGINT NOT NULL, step_id VARCHAR(128) NOT NULL, "
                    + "done_at BIGINT NOT NULL, done_by VARCHAR(128), note TEXT, PRIMARY KEY (case_number, step_id))");
        }
        try (Blobs.Writer blobs = new Blobs.Writer();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT case_number, step_id, phase, text FROM case_steps ORDER BY case_number, position");
             PreparedStatement write = connection.prepareStatement("INSERT INTO case_checklists (steps, case_number) VALUES (?, ?)");
             ResultSet rows = read.executeQuery()) {
            long current = 0;
            List<Step> steps = new ArrayList<>();
            int pending = 0;
            while (rows.next()) {
                long number = rows.getLong(1);
                if (number != current && !steps.isEmpty()) {
                    pending += add(write, blobs, current, steps);
                }
                current = number;
                steps.add(new Step(rows.getString(2), rows.getString(3), rows.getString(4)));
                if (pending >= 1000) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (!steps.isEmpty()) {
                add(write, blobs, current, steps);
            }
            write.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO checked_steps (case_number, step_id, done_at, done_by, note) "
                    + "SELECT case_number, step_id, done_at, done_by, note FROM case_steps WHERE done_at IS NOT NULL");
            statement.execute("DROP TABLE case_steps");
        }
    }

    private static int add(PreparedStatement write, Blobs.Writer blobs, long number, List<Step> steps) throws SQLException {
        write.setBytes(1, blobs.compress(Checklists.json(steps)));
        write.setLong(2, number);
        write.addBatch();
        steps.clear();
        return 1;
    }
}
