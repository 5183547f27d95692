package io.collector.procurement.purchaseorder.web;

import io.collector.procurement.purchaseorder.PurchaseOrderManagement;
import io.collector.procurement.purchaseorder.PurchaseOrderStatus;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Purchase orders of the caller's tenant. They are drafted by {@code stock.low}, not through the API. */
@RestController
@RequestMapping("/api/purchase-orders")
class PurchaseOrderController {

    private final PurchaseOrderManagement purchaseOrders;

    PurchaseOrderController(PurchaseOrderManagement purchaseOrders) {
        this.purchaseOrders = purchaseOrders;
    }

    /** Newest first, at most {@code limit} orders. */
    @GetMapping
    List<PurchaseOrderResponse> list(@RequestParam(required = false) PurchaseOrderStatus status,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return purchaseOrders.list(CurrentTenant.id(), status, limit).stream().map(PurchaseOrderResponse::of).toList();
    }

    @GetMapping("/{id}")
    PurchaseOrderResponse get(@PathVariable UUID id) {
        return PurchaseOrderResponse.of(purchaseOrders.get(CurrentTenant.id(), id));
    }

    /** DRAFT → APPROVED; 409 otherwise. */
    @PostMapping("/{id}/approve")
    PurchaseOrderResponse approve(@PathVariable UUID id) {
        return PurchaseOrderResponse.of(purchaseOrders.approve(CurrentTenant.id(), id));
    }

    /** APPROVED → RECEIVED, closing the lines; 409 otherwise. */
    @PostMapping("/{id}/receive")
    PurchaseOrderResponse receive(@PathVariable UUID id) {
        return PurchaseOrderResponse.of(purchaseOrders.receive(CurrentTenant.id(), id));
    }

    /** DRAFT or APPROVED → CANCELLED, closing the lines; 409 otherwise. */
    @PostMapping("/{id}/cancel")
    PurchaseOrderResponse cancel(@PathVariable UUID id) {
        return PurchaseOrderResponse.of(purchaseOrders.cancel(CurrentTenant.id(), id));
    }
}
