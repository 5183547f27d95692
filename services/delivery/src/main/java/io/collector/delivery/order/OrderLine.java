package io.collector.delivery.order;

import java.util.UUID;

/**
 * One line of an order as {@code order.created} announced it.
 *
 * @param warehouseId where the line ships from; null when the order named none
 */
public record OrderLine(int lineNo, UUID productId, int quantity, UUID warehouseId) {
}
