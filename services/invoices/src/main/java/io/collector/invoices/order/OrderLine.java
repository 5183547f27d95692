package io.collector.invoices.order;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an order as {@code order.created} announced it.
 *
 * @param sku       null when the order named none
 * @param unitPrice exactly as received (cents in practice, but not rounded here)
 */
public record OrderLine(int lineNo, UUID productId, String sku, String description, int quantity, BigDecimal unitPrice) {
}
