package io.collector.accounting.journal;

/** An event that can never be posted as it is, e.g. an invoice whose subtotal and tax do not add up to its total. */
public class UnpostableEventException extends RuntimeException {

    UnpostableEventException(String message) {
        super(message);
    }
}
