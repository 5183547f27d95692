package io.collector.invoices.settings;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tenant's invoicing settings. An invoice takes them when it is drafted (its tax rate and payment
 * terms are stored on it), so changing them later never changes an existing invoice.
 *
 * @param taxPercent       the tax rate applied to the subtotal, 0 to 100 (at most 4 decimals)
 * @param paymentTermsDays days from issue to due date, 0 to 3650
 * @param autoIssue        issue every invoice as soon as it is drafted
 */
public record InvoiceSettings(BigDecimal taxPercent, int paymentTermsDays, boolean autoIssue) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_TERMS_DAYS = 3650;
    static final int MAX_TAX_DECIMALS = 4;

    /** What a tenant that never changed its settings gets: no tax, 30 days, issue by hand. */
    public static final InvoiceSettings DEFAULTS = new InvoiceSettings(BigDecimal.ZERO, 30, false);

    public InvoiceSettings {
        Objects.requireNonNull(taxPercent, "taxPercent");
        if (taxPercent.signum() < 0 || taxPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("taxPercent must be between 0 and 100");
        }
        if (taxPercent.stripTrailingZeros().scale() > MAX_TAX_DECIMALS) {
            throw new IllegalArgumentException("taxPercent has at most " + MAX_TAX_DECIMALS + " decimals");
        }
        if (paymentTermsDays < 0 || paymentTermsDays > MAX_TERMS_DAYS) {
            throw new IllegalArgumentException("paymentTermsDays must be between 0 and " + MAX_TERMS_DAYS);
        }
        taxPercent = plain(taxPercent);
    }

    /** These settings with the given values changed; a null leaves its value as it is. */
    public InvoiceSettings with(BigDecimal taxPercent, Integer paymentTermsDays, Boolean autoIssue) {
        return new InvoiceSettings(taxPercent != null ? taxPercent : this.taxPercent,
                paymentTermsDays != null ? paymentTermsDays : this.paymentTermsDays,
                autoIssue != null ? autoIssue : this.autoIssue);
    }

    /** {@code 20.0000} → {@code 20}, {@code 7.50} → {@code 7.5}, never {@code 2E+1}. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
