package io.collector.eventbus.operations;

import io.collector.eventbus.outbox.RelaySignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The outbox for an operator: rows the relay has not sent (with why not) and "send it now". A
 * retry only makes a pending row due at once and wakes the relay; the relay still sends it with
 * confirms and marks it, so a retry can never send a row twice at the same time.
 */
public class OutboxOperations {

    private static final Logger log = LoggerFactory.getLogger(OutboxOperations.class);

    /** Which rows to list: PENDING, FAILED (pending with a failed attempt) or SENT (until purged). */
    public enum Filter {
        PENDING("status = 'PENDING'"),
        FAILED("status = 'PENDING' and last_error is not null"),
        SENT("status = 'SENT'");

        private final String where;

        Filter(String where) {
            this.where = where;
        }

        public static Filter parse(String value) {
            try {
                return value == null ? PENDING : valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be one of PENDING, FAILED, SENT, not " + value);
            }
        }
    }

    /** One outbox row without its payload. */
    public record Entry(long id, UUID eventId, String eventType, String tenantId, String correlationId, String status,
                        int attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {
    }

    private static final String COLUMNS = "id, event_id, event_type, tenant_id, correlation_id, status, attempts,"
            + " last_error, next_attempt_at, created_at, sent_at";
    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)));

    private final JdbcClient jdbc;
    private final String table;
    private final RelaySignal relay;

    public OutboxOperations(JdbcClient jdbc, String schema, RelaySignal relay) {
        this.jdbc = jdbc;
        this.table = schema + ".outbox";
        this.relay = relay;
    }

    /** Oldest first. */
    public List<Entry> list(Filter filter, int limit) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where " + filter.where + " order by id limit ?")
                .param(limit)
                .query(ENTRY)
                .list();
    }

    public Entry get(long id) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where id = ?").param(id).query(ENTRY).optional()
                .orElseThrow(() -> new UnknownTargetException("No outbox row " + id));
    }

    /** Makes a pending row due now and wakes the relay. */
    public Entry retry(long id, String actor) {
        int updated = jdbc.sql("update " + table + " set next_attempt_at = now() where id = ? and status = 'PENDING'")
                .param(id)
                .update();
        if (updated == 0) {
            Entry entry = get(id);
            throw new OperationRefusedException("Outbox row " + id + " is " + entry.status() + ", only PENDING rows can be retried");
        }
        relay.wake();
        Entry entry = get(id);
        log.info("admin {} retried outbox row {} ({} {}, tenant {}, {} attempts, last error: {})", actor, id,
                entry.eventType(), entry.eventId(), entry.tenantId(), entry.attempts(), entry.lastError());
        return entry;
    }

    /** Makes every pending row due now and wakes the relay; returns how many. */
    public int retryAll(String actor) {
        int updated = jdbc.sql("update " + table + " set next_attempt_at = now() where status = 'PENDING'").update();
        relay.wake();
        log.info("admin {} retried all {} pending outbox rows", actor, updated);
        return updated;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
