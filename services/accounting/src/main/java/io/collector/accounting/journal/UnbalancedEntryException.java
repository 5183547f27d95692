package io.collector.accounting.journal;

/** A journal entry whose debits and credits differ in some currency, or that has fewer than two lines. */
public class UnbalancedEntryException extends IllegalArgumentException {

    UnbalancedEntryException(String message) {
        super(message);
    }
}
