package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.util.List;
import java.util.UUID;

/** {@code order.confirmed}: an order moved to CONFIRMED (Orders → Delivery Notes). */
public record OrderConfirmed(
        UUID orderId,
        String orderNumber,
        UUID customerId,
        UUID shippingAddressId,
        List<LineItem> lineItems) implements EventPayload {

    public OrderConfirmed {
        lineItems = List.copyOf(lineItems);
    }

    public record LineItem(UUID productId, String description, int quantity, String unit) {
    }
}
