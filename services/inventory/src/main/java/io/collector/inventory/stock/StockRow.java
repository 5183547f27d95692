package io.collector.inventory.stock;

import java.util.UUID;

/**
 * A product's stock in one warehouse as the API shows it. {@code shortfall}: what open reservations
 * of orders wanted here but could not get when they were made (demand not covered by stock).
 */
public record StockRow(UUID productId, String sku, String productName, UUID warehouseId, String warehouseName,
                       boolean defaultWarehouse, int onHand, int reserved, int shortfall, int minimumThreshold,
                       int reorderLevel) {

    public int available() {
        return onHand - reserved;
    }

    public boolean belowReorderLevel() {
        return available() < reorderLevel;
    }
}
