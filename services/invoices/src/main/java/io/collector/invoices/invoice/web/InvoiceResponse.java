package io.collector.invoices.invoice.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.invoices.invoice.Invoice;
import io.collector.invoices.invoice.InvoiceStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it. Money and percentages are decimal strings ({@code "1500.00"}) as
 * on the wire; quantities are JSON numbers. {@code invoiceNumber}, {@code issuedAt} and
 * {@code dueDate} appear once it is issued, {@code paidAt} once it is paid.
 */
record InvoiceResponse(
        UUID id,
        String invoiceNumber,
        InvoiceStatus status,
        UUID customerId,
        UUID orderId,
        String orderNumber,
        UUID deliveryNoteId,
        String deliveryNumber,
        String currency,
        List<LineItem> lineItems,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxTotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grandTotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidTotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstanding,
        int paymentTermsDays,
        List<Payment> payments,
        Instant createdAt,
        Instant issuedAt,
        Instant dueDate,
        Instant paidAt) {

    record LineItem(
            UUID productId,
            String sku,
            String description,
            BigDecimal quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) {
    }

    record Payment(
            UUID id,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            String paymentMethod,
            Instant paymentDate,
            Instant recordedAt) {
    }

    static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id(), invoice.invoiceNumber(), invoice.status(), invoice.customerId(),
                invoice.orderId(), invoice.orderNumber(), invoice.deliveryNoteId(), invoice.deliveryNumber(),
                invoice.currency(),
                invoice.lines().stream().map(l -> new LineItem(l.productId(), l.sku(), l.description(), l.quantity(),
                        l.unitPrice(), l.total())).toList(),
                invoice.totals().subtotal(), invoice.taxPercent(), invoice.totals().taxTotal(), invoice.totals().grandTotal(),
                invoice.paidTotal(), invoice.outstanding(), invoice.paymentTermsDays(),
                invoice.payments().stream().map(p -> new Payment(p.id(), p.amount(), p.paymentMethod(), p.paymentDate(),
                        p.recordedAt())).toList(),
                invoice.createdAt(), invoice.issuedAt(), invoice.dueDate(), invoice.paidAt());
    }
}
