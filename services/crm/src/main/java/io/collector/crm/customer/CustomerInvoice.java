package io.collector.crm.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One invoice of a customer as CRM sees it: its issued side (from {@code invoice.issued}) and its
 * paid side (from {@code invoice.paid}), each absent until its event arrived. The two events come
 * on different queues in either order; whichever comes first creates the invoice, the other
 * completes it, so the final state does not depend on the order. Each side is recorded once: a
 * second copy (a re-published event under a new id) changes nothing.
 */
public record CustomerInvoice(UUID invoiceId, UUID customerId, String invoiceNumber, String currency,
                              Issue issue, Payment payment) {

    /** What {@code invoice.issued} told: the grand total billed and when it is due. */
    public record Issue(BigDecimal amount, Instant dueDate, Instant recordedAt) {
        public Issue {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(recordedAt, "recordedAt");
            amount = Money.amount(amount);
        }
    }

    /** What {@code invoice.paid} told. {@code method} is optional. */
    public record Payment(BigDecimal amount, String method, Instant date, Instant recordedAt) {
        public Payment {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(recordedAt, "recordedAt");
            amount = Money.amount(amount);
        }
    }

    public CustomerInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(currency, "currency");
        if (issue == null && payment == null) {
            throw new IllegalArgumentException("an invoice is known from its issue, its payment or both");
        }
    }

    public static CustomerInvoice issued(UUID invoiceId, UUID customerId, String invoiceNumber, String currency, Issue issue) {
        return new CustomerInvoice(invoiceId, customerId, invoiceNumber, currency, Objects.requireNonNull(issue, "issue"), null);
    }

    public static CustomerInvoice paid(UUID invoiceId, UUID customerId, String invoiceNumber, String currency, Payment payment) {
        return new CustomerInvoice(invoiceId, customerId, invoiceNumber, currency, null, Objects.requireNonNull(payment, "payment"));
    }

    /**
     * This invoice with its issue recorded, or empty when the issue was already recorded (a copy).
     *
     * @throws InconsistentInvoiceEvent when the issue names another customer or currency than the payment did
     */
    public Optional<CustomerInvoice> withIssue(UUID customerId, String currency, Issue issue) {
        requireSameInvoice("invoice.issued", customerId, currency);
        if (this.issue != null) {
            return Optional.empty();
        }
        return Optional.of(new CustomerInvoice(invoiceId, this.customerId, invoiceNumber, this.currency, issue, payment));
    }

    /**
     * This invoice with its payment recorded, or empty when it was already paid (a copy: an invoice is
     * paid once, in full).
     *
     * @throws InconsistentInvoiceEvent when the payment names another customer or currency than the issue did
     */
    public Optional<CustomerInvoice> withPayment(UUID customerId, String currency, Payment payment) {
        requireSameInvoice("invoice.paid", customerId, currency);
        if (this.payment != null) {
            return Optional.empty();
        }
        return Optional.of(new CustomerInvoice(invoiceId, this.customerId, invoiceNumber, this.currency, issue, payment));
    }

    public boolean isPaid() {
        return payment != null;
    }

    /** What was paid on it, zero while unpaid. */
    public BigDecimal paidAmount() {
        return payment == null ? Money.ZERO : payment.amount();
    }

    /**
     * Issued minus paid; zero while the issue is unknown (a payment that arrived first owes nothing
     * and credits nothing until CRM knows what was billed). Negative when overpaid.
     */
    public BigDecimal outstanding() {
        return issue == null ? Money.ZERO : issue.amount().subtract(paidAmount());
    }

    private void requireSameInvoice(String event, UUID otherCustomer, String otherCurrency) {
        if (!customerId.equals(otherCustomer)) {
            throw new InconsistentInvoiceEvent(event + " for invoice " + invoiceId + " names customer " + otherCustomer
                    + " but CRM recorded it for customer " + customerId);
        }
        if (!currency.equals(otherCurrency)) {
            throw new InconsistentInvoiceEvent(event + " for invoice " + invoiceId + " is in " + otherCurrency
                    + " but CRM recorded it in " + currency);
        }
    }

    /** Two events about one invoice contradict each other: no balance could be right with both. */
    public static class InconsistentInvoiceEvent extends RuntimeException {
        InconsistentInvoiceEvent(String message) {
            super(message);
        }
    }
}
