package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** {@code invoice.paid}: an invoice was paid in full (Invoices/Payments → CRM, and Accounting). */
public record InvoicePaid(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        BigDecimal amount,
        String paymentMethod,
        Instant paymentDate,
        String currency) implements EventPayload {
}
