package dev.vigil.cases;

import dev.vigil.cases.jdbi.CaseQueries;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Checks that no finding or case is half-written: every count the store keeps agrees with the rows it keeps. */
final class StoreConsistency {
    private StoreConsistency() {
    }

    /** The violations found, as sentences; empty when the store is consistent. */
    static List<String> violations(String sqliteFile, int checklistSize) {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + sqliteFile);
        try (Handle handle = jdbi.open()) {
            List<String> violations = new ArrayList<>();
            expectZero(handle, violations, "findings pointing to a case that does not exist",
                    "SELECT count(*) FROM findings f WHERE f.case_number IS NOT NULL "
                            + "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.number = f.case_number)");
            expectZero(handle, violations, "cases whose finding_count differs from their findings",
                    "SELECT count(*) FROM cases c WHERE c.finding_count <> "
                            + "(SELECT count(*) FROM findings f WHERE f.case_number = c.number)");
            expectZero(handle, violations, "cases whose timeline does not show every finding joining",
                    "SELECT count(*) FROM cases c WHERE c.finding_count <> (SELECT count(*) FROM timeline t "
                            + "WHERE t.case_number = c.number AND t.kind IN ('opened', 'finding_joined'))");
            CaseQueries cases = new CaseQueries(handle.getConnection());
            long incomplete = handle.createQuery("SELECT number FROM cases").mapTo(Long.class).stream()
                    .filter(number -> cases.checklist(new CaseId(number)).size() != checklistSize).count();
            if (incomplete != 0) {
                violations.add(incomplete + " cases without their full checklist");
            }
            expectZero(handle, violations, "cases without the instances of their findings",
                    "SELECT count(*) FROM findings f WHERE f.case_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                            + "case_resources r WHERE r.case_number = f.case_number AND r.resource = f.instance_id)");
            expectZero(handle, violations, "findings that should be in a case and are not",
                    "SELECT count(*) FROM findings WHERE disposition IN ('investigate', 'escalate') AND case_number IS NULL");
            expectZero(handle, violations, "suppressed findings in a case",
                    "SELECT count(*) FROM findings WHERE disposition IN ('false_positive', 'acknowledged') AND case_number IS NOT NULL");
            expectZero(handle, violations, "findings without their contact in the history",
                    "SELECT count(*) FROM findings f WHERE f.remote_ip IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts c "
                            + "WHERE c.subject = f.instance_id AND c.remote_ip = f.remote_ip AND c.remote_port = f.remote_port)");
            expectZero(handle, violations, "findings without their instance in the history's patterns",
                    "SELECT count(*) FROM findings f WHERE f.remote_ip IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                            + "pattern_instances p WHERE p.type = f.type AND p.remote_ip = f.remote_ip AND p.remote_port = COALESCE(f.remote_port, -2) "
                            + "AND p.instance_id = f.instance_id)");
            expectZero(handle, violations, "contacts of no stored finding",
                    "SELECT count(*) FROM contacts c WHERE c.remote_port >= 0 AND NOT EXISTS (SELECT 1 FROM findings f "
                            + "WHERE f.instance_id = c.subject AND f.remote_ip = c.remote_ip AND f.remote_port = c.remote_port)");
            expectZero(handle, violations, "two open cases with the same key",
                    "SELECT count(*) FROM (SELECT case_key FROM cases WHERE state <> 'closed' GROUP BY case_key HAVING count(*) > 1) d");
            expectZero(handle, violations, "case numbers above the case counter",
                    "SELECT count(*) FROM cases WHERE number > (SELECT value FROM counters WHERE name = 'case')");
            expectZero(handle, violations, "timeline ids above the event counter",
                    "SELECT count(*) FROM timeline WHERE id > (SELECT value FROM counters WHERE name = 'event')");
            return violations;
        }
    }

    private static void expectZero(Handle handle, List<String> violations, String what, String sql) {
        long count = handle.createQuery(sql).mapTo(Long.class).one();
        if (count != 0) {
            violations.add(count + " " + what);
        }
    }
}
