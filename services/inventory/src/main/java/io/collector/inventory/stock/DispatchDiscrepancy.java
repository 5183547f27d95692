package io.collector.inventory.stock;

import java.time.Instant;
import java.util.UUID;

/** A dispatch of more than was on hand: {@code missing} units left that the books did not have. */
public record DispatchDiscrepancy(UUID deliveryNoteId, String deliveryNumber, UUID orderId, UUID productId,
                                  UUID warehouseId, int dispatched, int deducted, int missing, Instant recordedAt) {
}
