package io.collector.procurement.purchaseorder;

import java.util.UUID;

/**
 * What to buy for one warehouse.
 *
 * @param open true while its order is DRAFT or APPROVED
 */
public record PurchaseOrderLine(UUID id, int lineNo, UUID productId, String productName, String sku, UUID warehouseId,
                                String warehouseName, int quantity, boolean open) {
}
