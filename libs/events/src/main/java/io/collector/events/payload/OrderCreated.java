package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code order.created}: an order was created in status PENDING (Orders → Inventory). */
public record OrderCreated(
        UUID orderId,
        String orderNumber,
        UUID customerId,
        UUID offerId,
        List<LineItem> lineItems,
        String currency,
        BigDecimal grandTotal) implements EventPayload {

    public OrderCreated {
        lineItems = List.copyOf(lineItems);
    }

    /** {@code quantity} is a JSON integer here, unlike in offers and invoices. */
    public record LineItem(
            UUID productId,
            String sku,
            String description,
            int quantity,
            BigDecimal unitPrice,
            UUID warehouseId) {
    }
}
