package io.collector.eventbus;

import io.collector.eventbus.observability.EventLogContext;
import io.collector.eventbus.observability.TraceParent;
import io.collector.eventbus.outbox.OutboxWriter;
import io.collector.events.EventEnvelope;
import io.collector.events.EventIds;
import io.collector.events.EventPayload;
import io.collector.events.EventReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;

/**
 * Publishes events through the transactional outbox: the row joins the caller's transaction (or
 * commits on its own when there is none) and the relay sends it after commit. It never talks to
 * the broker, so publishing never blocks or fails a business request on a broker problem; a
 * rolled-back transaction publishes nothing.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final OutboxWriter outbox;
    private final String source;

    public EventPublisher(OutboxWriter outbox, String source) {
        this.outbox = outbox;
        this.source = source;
    }

    /**
     * Publishes {@code payload} for {@code tenantId}. Inside an event handler the new event keeps the
     * handled event's correlation id and trace and names it as its cause; elsewhere the correlation id
     * comes from the MDC ({@code correlationId}, set from {@code X-Correlation-Id} by the web layer) or
     * is new.
     */
    public <T extends EventPayload> EventEnvelope<T> publish(String tenantId, T payload) {
        EventContext cause = EventContext.current().orElse(null);
        String correlationId = cause != null && cause.correlationId() != null ? cause.correlationId() : currentCorrelationId();
        EventEnvelope<T> event = new EventEnvelope<>(EventIds.next(), EventEnvelope.CURRENT_VERSION,
                io.collector.events.EventType.of(payload).wireName(), Instant.now(), tenantId, source,
                correlationId, cause == null ? null : cause.eventKey(), payload);
        write(event, TraceParent.childOf(cause == null ? MDC.get("traceparent") : cause.traceparent()));
        return event;
    }

    /**
     * Publishes an envelope exactly as given (a relay of another system's event, a replay). An
     * envelope without an event id gets one, since the outbox and the inbox key on it.
     */
    public EventEnvelope<?> publish(EventEnvelope<?> event) {
        EventEnvelope<?> withId = event.eventId() != null ? event : withEventId(event);
        write(withId, TraceParent.childOf(EventContext.current().map(EventContext::traceparent).orElse(null)));
        return withId;
    }

    private void write(EventEnvelope<?> event, String traceparent) {
        outbox.write(event, EventReader.validBytes(event), traceparent);
        // DEBUG: the relay's "Published" line (INFO) logs the same event with the same MDC once the broker has it.
        if (log.isDebugEnabled()) {
            try (var ignored = EventLogContext.open(event.type(), event.tenantId(), event.source(), event.correlationId(),
                    String.valueOf(event.eventId()), traceparent)) {
                log.debug("Queued {} {} in the outbox (tenant {}, correlation {})",
                        event.type(), event.eventId(), event.tenantId(), event.correlationId());
            }
        }
    }

    private static String currentCorrelationId() {
        String fromMdc = MDC.get(EventLogContext.CORRELATION_ID);
        return fromMdc != null ? fromMdc : EventIds.next().toString();
    }

    private static <T extends EventPayload> EventEnvelope<T> withEventId(EventEnvelope<T> e) {
        return new EventEnvelope<>(EventIds.next(), e.version(), e.type(), e.timestamp(), e.tenantId(), e.source(),
                e.correlationId(), e.causationId(), e.data());
    }
}
