package io.collector.accounting.journal;

import java.time.Instant;

/**
 * Which entries to list: those whose source reference or source document is {@code sourceReference}
 * (any if null), posted at or after {@code from} and before {@code until} (unbounded if null), newest
 * first, at most {@code limit}.
 */
public record JournalQuery(String sourceReference, Instant from, Instant until, int limit) {

    public JournalQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("from must be before until");
        }
    }
}
