package io.collector.orders.order;

import java.util.List;
import java.util.UUID;

/** A direct order as a caller places it; the number, status and grand total are the service's. */
public record NewOrder(UUID customerId, String currency, UUID shippingAddressId, List<OrderLine> lines) {

    public NewOrder {
        lines = List.copyOf(lines);
    }
}
