package io.collector.eventbus.inbound;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The inbox of one schema: which events each consumer has already handled. */
public class InboxStore {

    private final JdbcClient jdbc;
    private final String table;

    public InboxStore(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".inbox";
    }

    /**
     * Records the event for the consumer in the current transaction; false when it was already
     * there. A concurrent insert of the same key waits for the other transaction, so two
     * competing consumers cannot both see "new".
     */
    boolean record(String consumer, String eventKey, String eventType) {
        return jdbc.sql("insert into " + table + " (consumer, event_key, event_type) values (?, ?, ?) on conflict do nothing")
                .params(consumer, eventKey, eventType)
                .update() == 1;
    }

    /**
     * Records a batch's events for the consumer in one statement, in the current transaction;
     * returns the keys that were new (the others were already there). Keys must be distinct. They
     * are inserted in sorted order, so two batch threads (or instances) recording overlapping batches take the key
     * locks in the same order and wait for each other instead of deadlocking; as with
     * {@link #record}, a key another transaction inserted and has not committed yet waits for it.
     */
    Set<String> recordAll(String consumer, List<String> eventKeys, List<String> eventTypes) {
        return new HashSet<>(jdbc.sql("insert into " + table + " (consumer, event_key, event_type)"
                        + " select ?, k, t from unnest(?::text[], ?::text[]) as u(k, t) order by k"
                        + " on conflict do nothing returning event_key")
                .params(consumer, eventKeys.toArray(String[]::new), eventTypes.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public boolean contains(String consumer, String eventKey) {
        return jdbc.sql("select count(*) from " + table + " where consumer = ? and event_key = ?")
                .params(consumer, eventKey).query(Long.class).single() > 0;
    }
}
