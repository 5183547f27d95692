package io.collector.invoices.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What Invoices knows of an order, from its {@code order.created}: who buys, in which currency, and
 * the lines with their prices.
 *
 * @param grandTotal the order's total as Orders announced it; kept for reference only, since it may
 *                   include discounts, taxes or service lines that {@code order.created} does not carry
 */
public record OrderProjection(UUID orderId, String orderNumber, UUID customerId, String currency, BigDecimal grandTotal,
                              List<OrderLine> lines) {

    public OrderProjection {
        lines = List.copyOf(lines);
    }
}
