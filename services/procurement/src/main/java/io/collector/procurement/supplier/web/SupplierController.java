package io.collector.procurement.supplier.web;

import io.collector.procurement.supplier.Supplier;
import io.collector.procurement.supplier.SupplierManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Suppliers of the caller's tenant. */
@RestController
@RequestMapping("/api/suppliers")
class SupplierController {

    private final SupplierManagement suppliers;

    SupplierController(SupplierManagement suppliers) {
        this.suppliers = suppliers;
    }

    /** 201 with the supplier and its Location. */
    @PostMapping
    ResponseEntity<SupplierResponse> register(@RequestBody @Valid RegisterSupplierRequest request) {
        Supplier supplier = suppliers.register(CurrentTenant.id(), request.name().strip(),
                request.email() == null ? null : request.email().strip(), request.leadTimeDays(), request.productIds());
        return ResponseEntity.created(URI.create("/api/suppliers/" + supplier.id())).body(SupplierResponse.of(supplier));
    }

    /** In registration order. */
    @GetMapping
    List<SupplierResponse> list() {
        return suppliers.list(CurrentTenant.id()).stream().map(SupplierResponse::of).toList();
    }

    @GetMapping("/{id}")
    SupplierResponse get(@PathVariable UUID id) {
        return SupplierResponse.of(suppliers.get(CurrentTenant.id(), id));
    }
}
