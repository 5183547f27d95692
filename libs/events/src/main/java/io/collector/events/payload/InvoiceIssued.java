package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code invoice.issued}: an invoice got its number and was sent (Invoices → Accounting). */
public record InvoiceIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID orderId,
        UUID deliveryNoteId,
        String currency,
        BigDecimal subtotal,
        BigDecimal taxTotal,
        BigDecimal grandTotal,
        Instant dueDate,
        List<LineItem> lineItems) implements EventPayload {

    public InvoiceIssued {
        lineItems = List.copyOf(lineItems);
    }

    public record LineItem(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal total) {
    }
}
