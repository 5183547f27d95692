package io.collector.eventbus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The test handlers' business table: one row per effect. */
@Component
public class Effects {

    private final JdbcClient jdbc;
    private final String table;

    Effects(JdbcClient jdbc, @Value("${collector.eventbus.schema}") String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".effects";
        jdbc.sql("create schema if not exists " + schema).update();
        jdbc.sql("create table if not exists " + table + " (id bigserial primary key, event_key text not null,"
                + " event_type text, tenant_id text, correlation_id text, detail text, consumer text)").update();
    }

    void record(EventContext context, String detail) {
        jdbc.sql("insert into " + table + " (event_key, event_type, tenant_id, correlation_id, detail, consumer) values (?, ?, ?, ?, ?, ?)")
                .params(context.eventKey(), context.type(), context.tenantId(), context.correlationId(), detail, context.consumer())
                .update();
    }

    public int count(String eventKey) {
        return jdbc.sql("select count(*) from " + table + " where event_key = ?").param(eventKey).query(Integer.class).single();
    }

    public int countByType(String type) {
        return jdbc.sql("select count(*) from " + table + " where event_type = ?").param(type).query(Integer.class).single();
    }

    public int countByTenant(String tenantId) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenantId).query(Integer.class).single();
    }

    public int distinctByTenant(String tenantId) {
        return jdbc.sql("select count(distinct event_key) from " + table + " where tenant_id = ?").param(tenantId).query(Integer.class).single();
    }

    public List<String> correlationIds(String type, String tenantId) {
        return jdbc.sql("select correlation_id from " + table + " where event_type = ? and tenant_id = ?")
                .params(type, tenantId).query(String.class).list();
    }
}
