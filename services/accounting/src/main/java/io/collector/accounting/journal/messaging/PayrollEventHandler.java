package io.collector.accounting.journal.messaging;

import io.collector.accounting.journal.JournalManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.PayrollProcessed;
import org.springframework.stereotype.Component;

/** payroll.processed (queue accounting.payroll.processed) → the payroll's journal entry, within the event's tenant. */
@Component
class PayrollEventHandler {

    private final JournalManagement journal;

    PayrollEventHandler(JournalManagement journal) {
        this.journal = journal;
    }

    @EventHandler
    void on(EventEnvelope<PayrollProcessed> event) {
        journal.postPayroll(event);
    }
}
