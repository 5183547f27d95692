package io.collector.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The spec's event envelope. {@code eventId}, {@code version} and {@code causationId} are our
 * additive fields (DESIGN.md §3): a producer written from the spec alone leaves them out, so they
 * are nullable here and absent on the wire when null.
 *
 * @param <T> the payload record, one of {@link EventType#payloadType()}
 */
public record EventEnvelope<T extends EventPayload>(
        UUID eventId,
        Integer version,
        String type,
        Instant timestamp,
        String tenantId,
        String source,
        String correlationId,
        String causationId,
        T data) {

    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    /** A new event of the current version with a fresh id, stamped now. */
    public static <T extends EventPayload> EventEnvelope<T> create(
            T data, String tenantId, String source, String correlationId, String causationId) {
        return new EventEnvelope<>(EventIds.next(), CURRENT_VERSION, EventType.of(data).wireName(),
                Instant.now(), tenantId, source, correlationId, causationId, data);
    }

    /** The version, 1 when the producer did not state one. */
    public int versionOrDefault() {
        return version == null ? CURRENT_VERSION : version;
    }

    public EventType eventType() {
        return EventType.fromWireName(type);
    }
}
