package io.collector.eventbus.outbox;

import io.collector.events.EventEnvelope;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Inserts an event into the outbox and wakes the relay once the surrounding transaction commits. */
public class OutboxWriter {

    private final OutboxStore store;
    private final RelaySignal relaySignal;

    public OutboxWriter(OutboxStore store, RelaySignal relaySignal) {
        this.store = store;
        this.relaySignal = relaySignal;
    }

    /** @param payload the event's wire bytes, already validated */
    public void write(EventEnvelope<?> event, byte[] payload, String traceparent) {
        store.insert(new OutboxRow(0, event.eventId(), event.type(), event.tenantId(), event.correlationId(),
                traceparent, payload, null, 0));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relaySignal.wake();
                }
            });
        } else {
            relaySignal.wake();
        }
    }
}
