package io.collector.inventory.stock;

import java.time.Instant;
import java.util.UUID;

/** Goods received into a warehouse: the only way stock on hand grows. */
public record GoodsReceipt(UUID id, String tenantId, UUID productId, UUID warehouseId, int quantity, String reference,
                           String receivedBy, Instant receivedAt) {
}
