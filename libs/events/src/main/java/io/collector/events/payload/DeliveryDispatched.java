package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.util.List;
import java.util.UUID;

/** {@code delivery.dispatched}: goods left the warehouse with a carrier (Delivery Notes → Inventory). */
public record DeliveryDispatched(
        UUID deliveryNoteId,
        String deliveryNumber,
        UUID orderId,
        List<Item> items,
        String trackingNumber,
        UUID carrierId) implements EventPayload {

    public DeliveryDispatched {
        items = List.copyOf(items);
    }

    public record Item(UUID productId, int quantity, UUID warehouseId) {
    }
}
