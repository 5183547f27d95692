package io.collector.orders.order.web;

import io.collector.orders.order.OrderManagement;
import io.collector.orders.order.OrderStatus;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** {@code /api/orders}: the tenant always comes from the token. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderManagement orders;

    OrderController(OrderManagement orders) {
        this.orders = orders;
    }

    @PostMapping
    ResponseEntity<OrderResponse> create(@Valid @RequestBody CreateOrderRequest request) {
        OrderResponse created = OrderResponse.of(orders.create(CurrentTenant.id(), request.toNewOrder()));
        return ResponseEntity.created(URI.create("/api/orders/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    OrderResponse get(@PathVariable UUID id) {
        return OrderResponse.of(orders.get(CurrentTenant.id(), id));
    }

    /** Newest first. {@code status}: PENDING, CONFIRMED or CANCELLED; none for all. */
    @GetMapping
    List<OrderResponse> list(@RequestParam(required = false) OrderStatus status,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return orders.list(CurrentTenant.id(), status, limit).stream().map(OrderResponse::of).toList();
    }

    @PutMapping("/{id}/status")
    OrderResponse changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangeStatusRequest request) {
        return OrderResponse.of(orders.changeStatus(CurrentTenant.id(), id, OrderStatus.valueOf(request.status()),
                request.shippingAddressId()));
    }
}
