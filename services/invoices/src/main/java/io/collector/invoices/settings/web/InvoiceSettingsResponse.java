package io.collector.invoices.settings.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.invoices.settings.InvoiceSettings;

import java.math.BigDecimal;

/** The settings in force; {@code taxPercent} is a decimal string ({@code "20"}, {@code "7.5"}). */
record InvoiceSettingsResponse(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxPercent,
        int paymentTermsDays,
        boolean autoIssue) {

    static InvoiceSettingsResponse of(InvoiceSettings settings) {
        return new InvoiceSettingsResponse(settings.taxPercent(), settings.paymentTermsDays(), settings.autoIssue());
    }
}
