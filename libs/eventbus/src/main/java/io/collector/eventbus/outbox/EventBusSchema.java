package io.collector.eventbus.outbox;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates the outbox and inbox tables in the service's schema with a Flyway history table of
 * their own, so that they never collide with the service's own migrations.
 */
public final class EventBusSchema {

    private EventBusSchema() {
    }

    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("eventbus_schema_history")
                // The schema may already hold the service's own tables: start our history at zero beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations("classpath:io/collector/eventbus/db")
                .load()
                .migrate();
    }
}
