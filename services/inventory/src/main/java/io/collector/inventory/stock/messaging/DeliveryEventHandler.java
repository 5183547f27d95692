package io.collector.inventory.stock.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.inventory.stock.StockManagement;
import org.springframework.stereotype.Component;

/** delivery.dispatched → deduct the shipped goods and release the order's reservation, within the event's tenant. */
@Component
class DeliveryEventHandler {

    private final StockManagement stock;

    DeliveryEventHandler(StockManagement stock) {
        this.stock = stock;
    }

    @EventHandler
    void on(EventEnvelope<DeliveryDispatched> event) {
        stock.dispatch(event.tenantId(), event.data());
    }
}
