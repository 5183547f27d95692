package io.collector.crm.customer.messaging;

import io.collector.crm.customer.CustomerBillingManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.InvoicePaid;
import org.springframework.stereotype.Component;

/** invoice.paid → record the customer's payment, within the event's tenant (queue {@code crm.invoice.paid}). */
@Component
class InvoicePaidEventHandler {

    private final CustomerBillingManagement billing;

    InvoicePaidEventHandler(CustomerBillingManagement billing) {
        this.billing = billing;
    }

    @EventHandler
    void on(EventEnvelope<InvoicePaid> event) {
        billing.recordPaid(event.tenantId(), event.data());
    }
}
