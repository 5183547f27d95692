package io.collector.invoices.settings.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;

/**
 * Body of {@code PUT /api/invoice-settings}. Every field is optional: one left out keeps its current
 * value. {@code taxPercent} is a decimal string or number.
 */
record InvoiceSettingsRequest(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal taxPercent,
        @Min(0) @Max(3650) Integer paymentTermsDays,
        Boolean autoIssue) {
}
