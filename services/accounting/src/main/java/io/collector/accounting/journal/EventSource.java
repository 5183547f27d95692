package io.collector.accounting.journal;

import java.util.Objects;

/**
 * The event an entry was posted from. {@code reference} is the business key within the event type
 * (the invoice id, the payroll id): one entry per (tenant, type, reference). {@code document} is what a
 * person calls it (the invoice number, the payroll period), if anything.
 */
public record EventSource(String eventId, String eventType, String reference, String document) {

    public EventSource {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(reference, "reference");
    }
}
