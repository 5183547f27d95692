package io.collector.orders.order.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OfferApproved;
import io.collector.orders.order.OrderManagement;
import org.springframework.stereotype.Component;

/** {@code offer.approved} → the offer's order, within the event's tenant. */
@Component
class OfferApprovedHandler {

    private final OrderManagement orders;

    OfferApprovedHandler(OrderManagement orders) {
        this.orders = orders;
    }

    @EventHandler
    void on(EventEnvelope<OfferApproved> event) {
        orders.createFromOffer(event.tenantId(), event.data());
    }
}
