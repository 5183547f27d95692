package io.collector.accounting.journal.messaging;

import io.collector.accounting.journal.JournalManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import org.springframework.stereotype.Component;

/**
 * invoice.issued (queue accounting.invoice.issued) and invoice.paid (accounting.invoice.paid, a
 * subscription beyond the spec's table) → one journal entry each, within the event's tenant.
 */
@Component
class InvoiceEventHandler {

    private final JournalManagement journal;

    InvoiceEventHandler(JournalManagement journal) {
        this.journal = journal;
    }

    @EventHandler
    void on(EventEnvelope<InvoiceIssued> event) {
        journal.postInvoice(event);
    }

    @EventHandler
    void onPaid(EventEnvelope<InvoicePaid> event) {
        journal.postPayment(event);
    }
}
