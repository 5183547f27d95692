package io.collector.procurement.purchaseorder.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.StockLow;
import io.collector.procurement.purchaseorder.PurchaseOrderManagement;
import org.springframework.stereotype.Component;

@Component
class StockLowEventHandler {

    private final PurchaseOrderManagement purchaseOrders;

    StockLowEventHandler(PurchaseOrderManagement purchaseOrders) {
        this.purchaseOrders = purchaseOrders;
    }

    @EventHandler
    void on(EventEnvelope<StockLow> event) {
        purchaseOrders.reorder(event.tenantId(), event.data());
    }
}
