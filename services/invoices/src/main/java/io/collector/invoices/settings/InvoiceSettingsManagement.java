package io.collector.invoices.settings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;

/** A tenant's invoicing settings: tax rate, payment terms, auto-issue. */
@Service
public class InvoiceSettingsManagement {

    private final InvoiceSettingsRepository settings;
    private final Clock clock = Clock.systemUTC();

    InvoiceSettingsManagement(InvoiceSettingsRepository settings) {
        this.settings = settings;
    }

    /** The tenant's settings, the {@link InvoiceSettings#DEFAULTS} until it changes them. */
    @Transactional(readOnly = true)
    public InvoiceSettings of(String tenantId) {
        return settings.find(tenantId).orElse(InvoiceSettings.DEFAULTS);
    }

    /**
     * Changes the given values (a null keeps its current one) and returns the settings now in force.
     * The row is locked so that two concurrent partial changes both take effect.
     */
    @Transactional
    public InvoiceSettings change(String tenantId, BigDecimal taxPercent, Integer paymentTermsDays, Boolean autoIssue) {
        var now = clock.instant();
        InvoiceSettings changed = settings.lock(tenantId, now).with(taxPercent, paymentTermsDays, autoIssue);
        settings.update(tenantId, changed, now);
        return changed;
    }
}
