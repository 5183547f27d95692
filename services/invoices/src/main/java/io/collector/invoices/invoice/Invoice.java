package io.collector.invoices.invoice;

import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.invoices.order.OrderLine;
import io.collector.invoices.order.OrderProjection;
import io.collector.invoices.settings.InvoiceSettings;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * An invoice: what the customer owes for one delivered delivery note. It is drafted from the order's
 * lines and prices with the tenant's tax rate and payment terms of that moment, gets its number when
 * issued, and is PAID when its payments reach the grand total; it can never be overpaid.
 */
public final class Invoice {

    /** A billed line; {@code total} = quantity × unit price in cents, half up. */
    public record Line(int lineNo, UUID productId, String sku, String description, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal total) {
    }

    /** A payment received; several partial payments may settle one invoice. */
    public record Payment(UUID id, BigDecimal amount, String paymentMethod, Instant paymentDate, Instant recordedAt) {
    }

    private final UUID id;
    private final String tenantId;
    private final UUID customerId;
    private final UUID orderId;
    private final String orderNumber;
    private final UUID deliveryNoteId;
    private final String deliveryNumber;
    private final String currency;
    private final BigDecimal taxPercent;
    private final int paymentTermsDays;
    private final List<Line> lines;
    private final InvoiceTotals totals;
    private final Instant createdAt;
    private final List<Payment> payments;
    private InvoiceStatus status;
    private String invoiceNumber;
    private Instant issuedAt;
    private Instant dueDate;
    private Instant paidAt;

    Invoice(UUID id, String tenantId, String invoiceNumber, InvoiceStatus status, UUID customerId, UUID orderId,
            String orderNumber, UUID deliveryNoteId, String deliveryNumber, String currency, BigDecimal taxPercent,
            int paymentTermsDays, List<Line> lines, InvoiceTotals totals, List<Payment> payments, Instant createdAt,
            Instant issuedAt, Instant dueDate, Instant paidAt) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.invoiceNumber = invoiceNumber;
        this.status = Objects.requireNonNull(status);
        this.customerId = Objects.requireNonNull(customerId);
        this.orderId = Objects.requireNonNull(orderId);
        this.orderNumber = orderNumber;
        this.deliveryNoteId = Objects.requireNonNull(deliveryNoteId);
        this.deliveryNumber = deliveryNumber;
        this.currency = Objects.requireNonNull(currency);
        this.taxPercent = Objects.requireNonNull(taxPercent);
        this.paymentTermsDays = paymentTermsDays;
        this.lines = List.copyOf(lines);
        this.totals = Objects.requireNonNull(totals);
        this.payments = new ArrayList<>(payments);
        this.createdAt = createdAt;
        this.issuedAt = issuedAt;
        this.dueDate = dueDate;
        this.paidAt = paidAt;
    }

    /**
     * A DRAFT invoice for a delivered note: the order's lines at their unit prices, the tenant's tax
     * rate on the subtotal, its payment terms for later.
     *
     * @throws InvoiceNotPossible when an amount would not fit numeric(19,2)
     */
    static Invoice draft(String tenantId, DeliveryConfirmed delivery, OrderProjection order, InvoiceSettings settings,
                         Instant now) {
        List<Line> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            BigDecimal quantity = BigDecimal.valueOf(line.quantity());
            lines.add(new Line(line.lineNo(), line.productId(), line.sku(), line.description(), quantity, line.unitPrice(),
                    Money.lineTotal(quantity, line.unitPrice())));
        }
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(Line::total).toList(), settings.taxPercent());
        if (!Money.fitsColumn(totals.grandTotal())) {
            throw new InvoiceNotPossible("The invoice of order " + order.orderNumber() + " would total "
                    + totals.grandTotal().toPlainString() + " " + order.currency() + ", more than an amount can hold");
        }
        return new Invoice(UUID.randomUUID(), tenantId, null, InvoiceStatus.DRAFT, order.customerId(), order.orderId(),
                order.orderNumber(), delivery.deliveryNoteId(), delivery.deliveryNumber(), order.currency(),
                settings.taxPercent(), settings.paymentTermsDays(), lines, totals, List.of(), now, null, null, null);
    }

    /**
     * Issues the draft: it takes the next number (only after the status check, so a refused call uses
     * up no number), is due {@code paymentTermsDays} after {@code now}, and announces itself.
     *
     * @throws ConflictException unless the invoice is a DRAFT (an invoice is issued once)
     */
    InvoiceIssued issue(Supplier<String> nextNumber, Instant now) {
        if (!status.canIssue()) {
            throw new ConflictException("Invoice " + invoiceNumber + " is " + status
                    + " and cannot be issued again: an invoice is issued once, from DRAFT");
        }
        this.invoiceNumber = Objects.requireNonNull(nextNumber.get());
        this.status = InvoiceStatus.ISSUED;
        this.issuedAt = now;
        this.dueDate = now.plus(Duration.ofDays(paymentTermsDays));
        return new InvoiceIssued(id, invoiceNumber, customerId, orderId, deliveryNoteId, currency, totals.subtotal(),
                totals.taxTotal(), totals.grandTotal(), dueDate,
                lines.stream().map(l -> new InvoiceIssued.LineItem(l.description(), l.quantity(), l.unitPrice(), l.total()))
                        .toList());
    }

    /**
     * Records a payment. The one that brings the paid total to the grand total makes the invoice PAID
     * and returns the {@code invoice.paid} to publish (amount: the grand total, i.e. the total paid;
     * method and date: this last payment's).
     *
     * @throws ConflictException      unless the invoice is ISSUED (a draft has no number yet; a paid one is settled)
     * @throws UnprocessableException when the amount exceeds what is outstanding
     */
    Optional<InvoicePaid> pay(Payment payment) {
        if (payment.amount().signum() <= 0 || !Money.isWholeCents(payment.amount())) {
            throw new IllegalArgumentException("A payment amount is greater than 0 with at most 2 decimals");
        }
        if (!status.canTakePayment()) {
            throw new ConflictException(status == InvoiceStatus.DRAFT
                    ? "Invoice " + id + " is a DRAFT: issue it before recording payments"
                    : "Invoice " + invoiceNumber + " is " + status + ": it takes no more payments");
        }
        BigDecimal outstanding = outstanding();
        if (payment.amount().compareTo(outstanding) > 0) {
            throw new UnprocessableException("The payment of " + payment.amount().toPlainString() + " " + currency
                    + " exceeds the outstanding " + outstanding.toPlainString() + " " + currency + " of invoice "
                    + invoiceNumber + ": overpayments are refused");
        }
        payments.add(new Payment(payment.id(), Money.amount(payment.amount()), payment.paymentMethod(),
                payment.paymentDate(), payment.recordedAt()));
        if (outstanding().signum() > 0) {
            return Optional.empty();
        }
        status = InvoiceStatus.PAID;
        paidAt = payment.recordedAt();
        return Optional.of(new InvoicePaid(id, invoiceNumber, customerId, totals.grandTotal(), payment.paymentMethod(),
                payment.paymentDate(), currency));
    }

    /** The sum of the payments received. */
    public BigDecimal paidTotal() {
        return payments.stream().map(Payment::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** What is left to pay: the grand total less the payments. */
    public BigDecimal outstanding() {
        return totals.grandTotal().subtract(paidTotal());
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String invoiceNumber() { return invoiceNumber; }
    public InvoiceStatus status() { return status; }
    public UUID customerId() { return customerId; }
    public UUID orderId() { return orderId; }
    public String orderNumber() { return orderNumber; }
    public UUID deliveryNoteId() { return deliveryNoteId; }
    public String deliveryNumber() { return deliveryNumber; }
    public String currency() { return currency; }
    public BigDecimal taxPercent() { return taxPercent; }
    public int paymentTermsDays() { return paymentTermsDays; }
    public List<Line> lines() { return lines; }
    public InvoiceTotals totals() { return totals; }
    public List<Payment> payments() { return List.copyOf(payments); }
    public Instant createdAt() { return createdAt; }
    public Instant issuedAt() { return issuedAt; }
    public Instant dueDate() { return dueDate; }
    public Instant paidAt() { return paidAt; }
}
