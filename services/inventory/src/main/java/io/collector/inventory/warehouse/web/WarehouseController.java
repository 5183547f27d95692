package io.collector.inventory.warehouse.web;

import io.collector.inventory.warehouse.Warehouse;
import io.collector.inventory.warehouse.WarehouseManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/warehouses")
class WarehouseController {

    private final WarehouseManagement warehouses;

    WarehouseController(WarehouseManagement warehouses) {
        this.warehouses = warehouses;
    }

    /** {@code isDefault} is optional; a tenant's first warehouse is its default anyway. */
    record CreateWarehouseRequest(@NotBlank @Size(max = 200) String name, Boolean isDefault) {
    }

    record WarehouseResponse(UUID id, String name, boolean isDefault, Instant createdAt) {
        static WarehouseResponse of(Warehouse w) {
            return new WarehouseResponse(w.id(), w.name(), w.isDefault(), w.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<WarehouseResponse> create(@Valid @RequestBody CreateWarehouseRequest request) {
        Warehouse warehouse = warehouses.create(CurrentTenant.id(), request.name(), Boolean.TRUE.equals(request.isDefault()));
        return ResponseEntity.created(URI.create("/api/warehouses/" + warehouse.id())).body(WarehouseResponse.of(warehouse));
    }

    @GetMapping
    List<WarehouseResponse> list() {
        return warehouses.list(CurrentTenant.id()).stream().map(WarehouseResponse::of).toList();
    }

    @GetMapping("/{id}")
    WarehouseResponse get(@PathVariable UUID id) {
        return WarehouseResponse.of(warehouses.get(CurrentTenant.id(), id));
    }
}
