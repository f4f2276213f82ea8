package dev.vigil.cases.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 3, for a cheaper import: the history keeps one row per contact and pattern instance per port, and
 * "any port" is answered by a range over the ports instead of a second row ({@code remote_port} -1 rows go: about
 * 300,000 fewer rows per 100,000 findings); the indexes of {@code findings} leave out the rows their queries never ask
 * for (the findings of no case, the findings not suppressed). On SQLite {@code contacts} and {@code pattern_instances}
 * become WITHOUT ROWID tables clustered on their key (one b-tree per table instead of a table and its key's index);
 * PostgreSQL, which has no such tables, drops the rows only. A Java migration because the two databases differ there.
 */
public final class V3__Compact_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
        try (Statement statement = connection.createStatement()) {
            if (sqlite) {
                statement.execute("CREATE TABLE contacts_v3 (subject VARCHAR(256) NOT NULL, remote_ip VARCHAR(64) NOT NULL, "
                        + "remote_port INTEGER NOT NULL, first_seen BIGINT NOT NULL, "
                        + "PRIMARY KEY (subject, remote_ip, remote_port)) WITHOUT ROWID");
                statement.execute("INSERT INTO contacts_v3 SELECT subject, remote_ip, remote_port, first_seen FROM contacts "
                        + "WHERE remote_port <> -1 ORDER BY subject, remote_ip, remote_port");
                statement.execute("DROP TABLE contacts");
                statement.execute("ALTER TABLE contacts_v3 RENAME TO contacts");
                statement.execute("CREATE TABLE pattern_instances_v3 (type VARCHAR(256) NOT NULL, "
                        + "remote_ip VARCHAR(64) NOT NULL, remote_port INTEGER NOT NULL, instance_id VARCHAR(64) NOT NULL, "
                        + "first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, "
                        + "PRIMARY KEY (type, remote_ip, remote_port, instance_id)) WITHOUT ROWID");
                statement.execute("INSERT INTO pattern_instances_v3 SELECT type, remote_ip, remote_port, instance_id, "
                        + "first_seen, last_seen FROM pattern_instances WHERE remote_port <> -1 "
                        + "ORDER BY type, remote_ip, remote_port, instance_id");
                statement.execute("DROP TABLE pattern_instances");
                statement.execute("ALTER TABLE pattern_instances_v3 RENAME TO pattern_instances");
            } else {
                statement.execute("DELETE FROM contacts WHERE remote_port = -1");
                statement.execute("DELETE FROM pattern_instances WHERE remote_port = -1");
            }
            // case queries ask for the findings of one case, metrics for the suppressed ones
            statement.execute("DROP INDEX findings_by_case");
            statement.execute("CREATE INDEX findings_by_case ON findings (case_number, level_rank, updated_at) "
                    + "WHERE case_number IS NOT NULL");
            statement.execute("DROP INDEX findings_by_suppression");
            statement.execute("CREATE INDEX findings_by_suppression ON findings (suppressed_by, created_at) "
                    + "WHERE suppressed_by IS NOT NULL");
        }
    }
}
