package io.collector.invoices.order.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OrderCreated;
import io.collector.invoices.order.OrderProjectionManagement;
import org.springframework.stereotype.Component;

@Component
class OrderCreatedEventHandler {

    private final OrderProjectionManagement orders;

    OrderCreatedEventHandler(OrderProjectionManagement orders) {
        this.orders = orders;
    }

    @EventHandler
    void on(EventEnvelope<OrderCreated> event) {
        orders.record(event.tenantId(), event.data());
    }
}
