package io.collector.eventbus.outbox;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over the outbox table of one schema. */
public class OutboxStore {

    private static final String COLUMNS =
            "id, event_id, event_type, tenant_id, correlation_id, traceparent, payload, created_at, attempts";
    private static final RowMapper<OutboxRow> ROW = (rs, i) -> new OutboxRow(rs.getLong(1),
            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getBytes(7), rs.getTimestamp(8).toInstant(), rs.getInt(9));

    private final JdbcClient jdbc;
    private final String table;

    public OutboxStore(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".outbox";
    }

    /** Inserts rows with one statement, their ids in list order. */
    void insertAll(List<OutboxRow> rows) {
        int n = rows.size();
        String[] eventIds = new String[n];
        String[] types = new String[n];
        String[] tenants = new String[n];
        String[] correlations = new String[n];
        String[] traceparents = new String[n];
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            OutboxRow row = rows.get(i);
            eventIds[i] = row.eventId().toString();
            types[i] = row.eventType();
            tenants[i] = row.tenantId();
            correlations[i] = row.correlationId();
            traceparents[i] = row.traceparent();
            payloads[i] = row.payload();
        }
        jdbc.sql("insert into " + table + " (event_id, event_type, tenant_id, correlation_id, traceparent, payload)"
                        + " select e::uuid, t, tn, c, tp, p"
                        + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[])"
                        + " with ordinality as u(e, t, tn, c, tp, p, n) order by n")
                .params(eventIds, types, tenants, correlations, traceparents, payloads)
                .update();
    }

    /**
     * Locks up to {@code limit} due rows; rows another relay holds are skipped, so two relays never
     * send one row at the same time. Must run inside the transaction that later marks them.
     */
    List<OutboxRow> lockDue(int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from " + table + " where status = 'PENDING' and next_attempt_at <= now()"
                        + " order by id limit ? for update skip locked")
                .param(limit)
                .query(ROW)
                .list();
    }

    void markSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update " + table + " set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null"
                            + " where id = any(?)")
                    .param(ids.toArray(Long[]::new))
                    .update();
        }
    }

    void markFailed(long id, String error, Duration backoff) {
        jdbc.sql("update " + table + " set attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = now() + make_interval(secs => ?) where id = ?")
                .params(error, backoff.toMillis() / 1000.0, id)
                .update();
    }

    /**
     * Deletes rows sent before {@code cutoff}; returns how many. A row is created before it is sent,
     * so the condition on {@code created_at} (BRIN-indexed, V6) finds them without an index on the sent rows.
     */
    public int purgeSentBefore(Instant cutoff) {
        java.sql.Timestamp before = java.sql.Timestamp.from(cutoff);
        return jdbc.sql("delete from " + table + " where created_at < ? and status = 'SENT' and sent_at < ?")
                .params(before, before)
                .update();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from " + table + " where status = 'PENDING'").query(Long.class).single();
    }

    public Optional<Instant> oldestPendingCreatedAt() {
        return jdbc.sql("select min(created_at) from " + table + " where status = 'PENDING'")
                .query((rs, i) -> rs.getTimestamp(1))
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    /** Pending rows in id order, for the test kit and operators; not locked. */
    public List<OutboxRow> pending(int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from " + table + " where status = 'PENDING' order by id limit ?")
                .param(limit)
                .query(ROW)
                .list();
    }

    /** Marks the given rows sent without a broker (the test kit "delivers" them itself). */
    public void markSentWithoutBroker(List<Long> ids) {
        markSent(ids);
    }
}
