package io.collector.eventbus.outbox;

import java.time.Instant;
import java.util.UUID;

/** One pending event as the relay reads it. */
public record OutboxRow(
        long id,
        UUID eventId,
        String eventType,
        String tenantId,
        String correlationId,
        String traceparent,
        byte[] payload,
        Instant createdAt,
        int attempts) {
}
