package io.collector.bench;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OrderCreated;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one effect per event: a row in the service's own table, written in the bus's transaction
 * (so it commits together with the inbox row, or not at all).
 */
@Component
class EffectHandler {

    private final JdbcClient jdbc;
    private final Probe probe;
    private final String insert;

    EffectHandler(JdbcClient jdbc, Probe probe, @Value("${collector.eventbus.schema}") String schema) {
        this.jdbc = jdbc;
        this.probe = probe;
        this.insert = "insert into " + schema + ".effects (event_id, tenant_id, order_number, grand_total) values (?, ?, ?, ?)";
        jdbc.sql("create schema if not exists " + schema).update();
        jdbc.sql("create table if not exists " + schema + ".effects (id bigserial primary key, event_id uuid not null,"
                + " tenant_id text not null, order_number text not null, grand_total numeric(19, 2) not null,"
                + " handled_at timestamptz not null default now())").update();
    }

    @EventHandler
    void on(EventEnvelope<OrderCreated> event) {
        long handled = System.nanoTime();
        OrderCreated order = event.data();
        jdbc.sql(insert).params(event.eventId(), event.tenantId(), order.orderNumber(), order.grandTotal()).update();
        Long published = probe.takePublishedAt(event.eventId());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                probe.committed(published, handled);
            }
        });
    }
}
