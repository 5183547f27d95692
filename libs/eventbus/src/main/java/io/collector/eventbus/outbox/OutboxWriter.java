package io.collector.eventbus.outbox;

import io.collector.events.EventEnvelope;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts events into the outbox and wakes the relay once they are committed.
 * <p>
 * Inside a transaction the rows are held until just before it commits and then inserted with one
 * statement, instead of one round trip to the database per event: a transaction that publishes a
 * hundred events pays for one. What the caller sees is unchanged: the rows commit or roll back with
 * its transaction. Savepoints are honoured: rolling back to one drops the events published after
 * it. (Spring reports a savepoint only once it exists, so rows published before a savepoint are
 * never written after it: while a savepoint may be open, the rows wait for the commit.) Outside a
 * transaction each event is inserted at once, in a transaction of its own.
 */
public class OutboxWriter {

    /** Rows held at most before they are written early (when no savepoint is open), to bound memory. */
    static final int MAX_HELD_ROWS = 1000;

    private final OutboxStore store;
    private final RelaySignal relaySignal;

    public OutboxWriter(OutboxStore store, RelaySignal relaySignal) {
        this.store = store;
        this.relaySignal = relaySignal;
    }

    /** @param payload the event's wire bytes, already validated */
    public void write(EventEnvelope<?> event, byte[] payload, String traceparent) {
        OutboxRow row = new OutboxRow(0, event.eventId(), event.type(), event.tenantId(), event.correlationId(),
                traceparent, payload, null, 0);
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            store.insertAll(List.of(row));
            relaySignal.wake();
            return;
        }
        HeldRows held = (HeldRows) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new HeldRows();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        held.add(row);
    }

    /** The rows of one transaction not yet inserted, and where each savepoint of it began. */
    private final class HeldRows implements TransactionSynchronization {

        private final List<OutboxRow> rows = new ArrayList<>();
        /** Rows held when each savepoint was created; a savepoint not in here predates every held row. */
        private final Map<Object, Integer> savepoints = new HashMap<>();
        private boolean inserted;

        void add(OutboxRow row) {
            rows.add(row);
            // Spring never says when a savepoint is released, so one that was ever created may still be open.
            if (rows.size() >= MAX_HELD_ROWS && savepoints.isEmpty()) {
                insertHeld();
            }
        }

        @Override
        public void savepoint(Object savepoint) {
            savepoints.put(savepoint, rows.size());
        }

        @Override
        public void savepointRollback(Object savepoint) {
            int heldBefore = savepoints.getOrDefault(savepoint, 0);
            if (heldBefore < rows.size()) {
                rows.subList(heldBefore, rows.size()).clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            insertHeld();
        }

        @Override
        public void afterCommit() {
            if (inserted) {
                relaySignal.wake();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWriter.this);
        }

        private void insertHeld() {
            if (!rows.isEmpty()) {
                store.insertAll(rows);
                rows.clear();
                inserted = true;
            }
        }
    }
}
