package io.collector.service.numbering;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Year;

/**
 * Document numbers such as {@code OFF-2026-001}: per tenant, per prefix and year, strictly
 * increasing and without gaps. Call it inside the transaction that stores the document: the
 * sequence row stays locked until that commits, so concurrent issuers queue up, and a rollback
 * returns the number.
 */
public class DocumentNumbers {

    private final JdbcClient jdbc;
    private final String table;

    public DocumentNumbers(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("service_support_schema_history")
                .locations("classpath:io/collector/service/db")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.table = schema + ".document_sequences";
    }

    /** {@code PREFIX-YEAR-NNN}, e.g. {@code OFF-2026-001}. */
    public String next(String tenantId, String prefix, Year year) {
        String series = prefix + "-" + year.getValue();
        return String.format("%s-%03d", series, nextValue(tenantId, series));
    }

    /** {@code PREFIX-NNN} without a year, e.g. {@code EMP-001}. */
    public String next(String tenantId, String prefix) {
        return String.format("%s-%03d", prefix, nextValue(tenantId, prefix));
    }

    private long nextValue(String tenantId, String series) {
        return jdbc.sql("insert into " + table + " (tenant_id, series, last_value) values (?, ?, 1)"
                        + " on conflict (tenant_id, series) do update set last_value = " + table + ".last_value + 1"
                        + " returning last_value")
                .params(tenantId, series)
                .query(Long.class)
                .single();
    }
}
