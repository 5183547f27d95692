package io.collector.delivery.order.messaging;

import io.collector.delivery.order.OrderLineManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OrderCreated;
import org.springframework.stereotype.Component;

@Component
class OrderCreatedEventHandler {

    private final OrderLineManagement orderLines;

    OrderCreatedEventHandler(OrderLineManagement orderLines) {
        this.orderLines = orderLines;
    }

    @EventHandler
    void on(EventEnvelope<OrderCreated> event) {
        orderLines.record(event.tenantId(), event.data());
    }
}
