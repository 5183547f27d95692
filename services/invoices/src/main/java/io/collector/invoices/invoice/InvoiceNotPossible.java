package io.collector.invoices.invoice;

/** The order can never be invoiced as it is (an amount too large to store): retrying cannot help. */
class InvoiceNotPossible extends RuntimeException {

    InvoiceNotPossible(String message) {
        super(message);
    }
}
