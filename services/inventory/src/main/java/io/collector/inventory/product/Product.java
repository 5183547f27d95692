package io.collector.inventory.product;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stocked product of one tenant. {@code reorderLevel}: when a product's available stock in a
 * warehouse falls below it, Procurement is told ({@code stock.low}); {@code minimumThreshold} is the
 * safety stock, carried along in that event for Procurement to size the order.
 */
public record Product(UUID id, String tenantId, String sku, String name, String unit,
                      int minimumThreshold, int reorderLevel, Instant createdAt) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (minimumThreshold < 0 || reorderLevel < 0) {
            throw new IllegalArgumentException("minimumThreshold and reorderLevel must not be negative");
        }
    }

    public static Product create(String tenantId, String sku, String name, String unit, int minimumThreshold,
                                 int reorderLevel, Instant now) {
        return new Product(UUID.randomUUID(), tenantId, sku.strip(), name.strip(), unit.strip(), minimumThreshold,
                reorderLevel, now);
    }
}
