package io.collector.inventory.warehouse;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant's warehouse. Order lines without a warehouse are served from the tenant's default one. */
public record Warehouse(UUID id, String tenantId, String name, boolean isDefault, Instant createdAt) {

    public Warehouse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The tenant's first warehouse is its default whatever was asked, so that a tenant with warehouses
     * always has one; a later one becomes the default only when asked to (and then replaces the old one).
     */
    static Warehouse create(String tenantId, String name, boolean askedToBeDefault, boolean tenantHasWarehouses,
                            Instant now) {
        return new Warehouse(UUID.randomUUID(), tenantId, name.strip(), askedToBeDefault || !tenantHasWarehouses, now);
    }
}
