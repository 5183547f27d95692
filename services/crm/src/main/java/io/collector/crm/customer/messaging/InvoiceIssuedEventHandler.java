package io.collector.crm.customer.messaging;

import io.collector.crm.customer.CustomerBillingManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.InvoiceIssued;
import org.springframework.stereotype.Component;

/**
 * invoice.issued → record what the customer was billed, within the event's tenant. CRM's own
 * subscription (queue {@code crm.invoice.issued}) beyond the spec's table, which gives this event to
 * Accounting only: without it the outstanding balance could not be issued minus paid.
 */
@Component
class InvoiceIssuedEventHandler {

    private final CustomerBillingManagement billing;

    InvoiceIssuedEventHandler(CustomerBillingManagement billing) {
        this.billing = billing;
    }

    @EventHandler
    void on(EventEnvelope<InvoiceIssued> event) {
        billing.recordIssued(event.tenantId(), event.data());
    }
}
