package io.collector.invoices.settings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@Repository
class InvoiceSettingsRepository {

    private final JdbcClient jdbc;

    InvoiceSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InvoiceSettings> find(String tenantId) {
        return jdbc.sql("select tax_percent, payment_terms_days, auto_issue from invoice_settings where tenant_id = ?")
                .param(tenantId)
                .query((rs, n) -> new InvoiceSettings(rs.getBigDecimal("tax_percent"), rs.getInt("payment_terms_days"),
                        rs.getBoolean("auto_issue")))
                .optional();
    }

    /** The tenant's settings row, locked until the transaction ends (created with the defaults if missing). */
    InvoiceSettings lock(String tenantId, Instant now) {
        jdbc.sql("""
                        insert into invoice_settings (tenant_id, tax_percent, payment_terms_days, auto_issue, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id) do nothing""")
                .params(tenantId, InvoiceSettings.DEFAULTS.taxPercent(), InvoiceSettings.DEFAULTS.paymentTermsDays(),
                        InvoiceSettings.DEFAULTS.autoIssue(), Timestamp.from(now))
                .update();
        return jdbc.sql("select tax_percent, payment_terms_days, auto_issue from invoice_settings where tenant_id = ? for update")
                .param(tenantId)
                .query((rs, n) -> new InvoiceSettings(rs.getBigDecimal("tax_percent"), rs.getInt("payment_terms_days"),
                        rs.getBoolean("auto_issue")))
                .single();
    }

    void update(String tenantId, InvoiceSettings settings, Instant now) {
        jdbc.sql("""
                        update invoice_settings set tax_percent = ?, payment_terms_days = ?, auto_issue = ?, updated_at = ?
                        where tenant_id = ?""")
                .params(settings.taxPercent(), settings.paymentTermsDays(), settings.autoIssue(), Timestamp.from(now), tenantId)
                .update();
    }
}
