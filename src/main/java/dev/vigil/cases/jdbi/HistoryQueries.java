package dev.vigil.cases.jdbi;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The history look-ups over the {@code observations} table; both are served by an index. */
public final class HistoryQueries {

    private final Handle handle;

    public HistoryQueries(Handle handle) {
        this.handle = handle;
    }

    public boolean seenBefore(String subject, String remoteIp, Integer port, Instant before) {
        StringBuilder sql = new StringBuilder("SELECT 1 FROM observations WHERE subject = :subject AND remote_ip = :ip");
        if (port != null) {
            sql.append(" AND remote_port = :port");
        }
        if (before != null) {
            sql.append(" AND first_seen < :before");
        }
        Query query = handle.createQuery(sql.append(" LIMIT 1").toString()).bind("subject", subject).bind("ip", remoteIp);
        if (port != null) {
            query.bind("port", port.intValue());
        }
        if (before != null) {
            query.bind("before", before.toEpochMilli());
        }
        return query.mapTo(Integer.class).findFirst().isPresent();
    }

    public Set<String> instancesWithPattern(String type, String remoteIp, Integer port, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT instance_id FROM observations WHERE type = :type "
                + "AND remote_ip = :ip");
        if (port != null) {
            sql.append(" AND remote_port = :port");
        }
        sql.append(" AND last_seen >= :from AND first_seen <= :to AND instance_id IS NOT NULL");
        Query query = handle.createQuery(sql.toString()).bind("type", type).bind("ip", remoteIp)
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli());
        if (port != null) {
            query.bind("port", port.intValue());
        }
        return new LinkedHashSet<>(query.mapTo(String.class).list());
    }
}
