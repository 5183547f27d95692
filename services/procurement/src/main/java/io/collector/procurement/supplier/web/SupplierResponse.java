package io.collector.procurement.supplier.web;

import io.collector.procurement.supplier.Supplier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

record SupplierResponse(UUID id, String name, String email, Integer leadTimeDays, List<UUID> productIds, Instant createdAt) {

    static SupplierResponse of(Supplier supplier) {
        return new SupplierResponse(supplier.id(), supplier.name(), supplier.email(), supplier.leadTimeDays(),
                supplier.productIds(), supplier.createdAt());
    }
}
