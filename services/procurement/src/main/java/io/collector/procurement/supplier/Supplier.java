package io.collector.procurement.supplier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A company the tenant buys from, and the products it supplies.
 *
 * @param leadTimeDays days from order to delivery, when known; the shorter wins when several suppliers supply a product
 */
public record Supplier(UUID id, String tenantId, String name, String email, Integer leadTimeDays, List<UUID> productIds,
                       Instant createdAt) {

    public Supplier {
        productIds = List.copyOf(productIds);
    }
}
