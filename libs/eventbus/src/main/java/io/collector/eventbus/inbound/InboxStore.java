package io.collector.eventbus.inbound;

import org.springframework.jdbc.core.simple.JdbcClient;

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

    public boolean contains(String consumer, String eventKey) {
        return jdbc.sql("select count(*) from " + table + " where consumer = ? and event_key = ?")
                .params(consumer, eventKey).query(Long.class).single() > 0;
    }
}
