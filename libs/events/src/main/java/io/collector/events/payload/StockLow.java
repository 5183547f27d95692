package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.util.UUID;

/** {@code stock.low}: available stock fell below the reorder level (Inventory → Procurement). */
public record StockLow(
        UUID productId,
        String productName,
        String sku,
        UUID warehouseId,
        String warehouseName,
        int currentQuantity,
        int minimumThreshold,
        int reorderLevel) implements EventPayload {
}
