package io.collector.crm.customer.web;

import io.collector.crm.customer.CustomerManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/customers}: the tenant always comes from the token. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerManagement customers;

    CustomerController(CustomerManagement customers) {
        this.customers = customers;
    }

    @PostMapping
    ResponseEntity<CustomerResponse> create(@Valid @RequestBody CreateCustomerRequest request) {
        CustomerResponse created = CustomerResponse.of(customers.create(CurrentTenant.id(), request.name(),
                request.email(), request.phone(), request.toAddresses()));
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    /** By name (placeholders last); {@code q}: part of the name, any case. */
    @GetMapping
    List<CustomerResponse> list(@RequestParam(required = false) @Size(max = 200) String q,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        String nameContains = q == null || q.isBlank() ? null : q.strip();
        return customers.list(CurrentTenant.id(), nameContains, limit).stream().map(CustomerResponse::of).toList();
    }

    @GetMapping("/{id}")
    CustomerResponse get(@PathVariable UUID id) {
        return CustomerResponse.of(customers.get(CurrentTenant.id(), id));
    }

    /** The latest payment first. */
    @GetMapping("/{id}/payments")
    List<PaymentResponse> payments(@PathVariable UUID id) {
        return customers.payments(CurrentTenant.id(), id).stream().map(PaymentResponse::of).toList();
    }
}
