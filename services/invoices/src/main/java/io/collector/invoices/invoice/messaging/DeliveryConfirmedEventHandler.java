package io.collector.invoices.invoice.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.invoices.invoice.InvoiceManagement;
import org.springframework.stereotype.Component;

@Component
class DeliveryConfirmedEventHandler {

    /**
     * More retries than the default 3, because a delivery confirmed before its order's
     * {@code order.created} arrived (another queue) fails transiently until it does: with the default
     * delays (1 s × 4^n) five retries wait about 5.7 minutes in all before the DLQ.
     */
    static final int RETRIES_WHILE_THE_ORDER_IS_UNKNOWN = 5;

    private final InvoiceManagement invoices;

    DeliveryConfirmedEventHandler(InvoiceManagement invoices) {
        this.invoices = invoices;
    }

    @EventHandler(maxRetries = RETRIES_WHILE_THE_ORDER_IS_UNKNOWN)
    void on(EventEnvelope<DeliveryConfirmed> event) {
        invoices.createFor(event.tenantId(), event.data());
    }
}
