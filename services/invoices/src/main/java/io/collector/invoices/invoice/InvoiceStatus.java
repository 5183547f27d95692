package io.collector.invoices.invoice;

/**
 * DRAFT → ISSUED → PAID; nothing else. A draft is issued once (it gets its number then); only an
 * issued invoice takes payments, and the payment that settles it makes it PAID. A partly paid
 * invoice stays ISSUED (its outstanding amount tells how much is left).
 */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PAID;

    boolean canIssue() {
        return this == DRAFT;
    }

    boolean canTakePayment() {
        return this == ISSUED;
    }
}
