package io.collector.eventbus.testkit;

import io.collector.eventbus.inbound.EventDispatcher;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.inbound.InboundMessage;
import io.collector.eventbus.inbound.Outcome;
import io.collector.eventbus.outbox.OutboxRow;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.events.EventEnvelope;
import io.collector.events.EventJson;
import io.collector.events.EventPayload;
import io.collector.events.EventReader;
import io.collector.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * Drives a service's handlers without a broker (the spec's "mock RabbitMQ connection" case) through
 * the very pipeline the broker path uses: validation, inbox, transaction, retry counting and
 * dead-lettering, with retries made at once instead of after a delay. What the handlers publish is
 * read back from the outbox, so a rolled-back handler shows nothing published, as in production.
 * Enabled with {@code collector.eventbus.broker-enabled=false}.
 */
public class EventBusTestKit {

    private final HandlerRegistry handlers;
    private final EventDispatcher dispatcher;
    private final OutboxStore outbox;

    public EventBusTestKit(HandlerRegistry handlers, EventDispatcher dispatcher, OutboxStore outbox) {
        this.handlers = handlers;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
    }

    /** What became of a delivery after all its attempts. */
    public record Delivery(int attempts, Outcome outcome) {
        public boolean handled() {
            return outcome instanceof Outcome.Handled;
        }

        public boolean duplicate() {
            return outcome instanceof Outcome.Duplicate;
        }

        public boolean deadLettered() {
            return outcome instanceof Outcome.DeadLetter;
        }

        public Outcome.DeadLetterReason deadLetterReason() {
            return outcome instanceof Outcome.DeadLetter dead ? dead.reason() : null;
        }
    }

    public Delivery deliver(EventEnvelope<?> event) {
        return deliver(event.eventType(), EventJson.write(event), null);
    }

    /** Delivers raw bytes, as a producer written from the spec alone might send them. */
    public Delivery deliver(EventType queueType, byte[] body, String messageId) {
        HandlerBinding binding = handlers.binding(queueType).orElseThrow(() ->
                new IllegalArgumentException("this service has no handler for " + queueType.wireName()));
        int retries = 0;
        Instant firstFailure = null;
        while (true) {
            InboundMessage message = new InboundMessage(body, messageId, null, retries, firstFailure);
            Outcome outcome = dispatcher.dispatch(binding, List.of(message)).get(0);
            if (!(outcome instanceof Outcome.Retry)) {
                return new Delivery(retries + 1, outcome);
            }
            firstFailure = firstFailure == null ? Instant.now() : firstFailure;
            retries++;
        }
    }

    /** Events in the outbox not yet taken, oldest first. */
    public List<EventEnvelope<?>> published() {
        return outbox.pending(10_000).stream().<EventEnvelope<?>>map(row -> EventReader.read(row.payload())).toList();
    }

    /** The published events of one payload type. */
    @SuppressWarnings("unchecked")
    public <T extends EventPayload> List<EventEnvelope<T>> published(Class<T> payloadType) {
        String type = EventType.ofPayload(payloadType).wireName();
        return published().stream().filter(e -> e.type().equals(type)).map(e -> (EventEnvelope<T>) e).toList();
    }

    /** Returns the published events and marks them sent, so the next call sees only newer ones. */
    public List<EventEnvelope<?>> takePublished() {
        List<OutboxRow> rows = outbox.pending(10_000);
        outbox.markSentWithoutBroker(rows.stream().map(OutboxRow::id).toList());
        return rows.stream().<EventEnvelope<?>>map(row -> EventReader.read(row.payload())).toList();
    }
}
