package io.collector.orders.order.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * {@code PUT /api/orders/{id}/status}: {@code {"status": "CONFIRMED", "shippingAddressId": "…"}} or
 * {@code {"status": "CANCELLED"}}. The address is only read when confirming.
 */
record ChangeStatusRequest(
        @NotNull @Pattern(regexp = "PENDING|CONFIRMED|CANCELLED", message = "must be one of PENDING, CONFIRMED, CANCELLED") String status,
        UUID shippingAddressId) {
}
