package io.collector.inventory.stock.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OrderCreated;
import io.collector.inventory.stock.StockManagement;
import org.springframework.stereotype.Component;

/** order.created → reserve stock for the order's lines, within the event's tenant. */
@Component
class OrderEventHandler {

    private final StockManagement stock;

    OrderEventHandler(StockManagement stock) {
        this.stock = stock;
    }

    @EventHandler
    void on(EventEnvelope<OrderCreated> event) {
        stock.reserveFor(event.tenantId(), event.data());
    }
}
