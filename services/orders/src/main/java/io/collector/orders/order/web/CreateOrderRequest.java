package io.collector.orders.order.web;

import io.collector.orders.order.NewOrder;
import io.collector.orders.order.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/orders}: a direct order (no offer). The grand total is computed by the service. */
record CreateOrderRequest(
        @NotNull UUID customerId,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter ISO 4217 code such as USD") String currency,
        UUID shippingAddressId,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineItem> lineItems) {

    /**
     * Quantity is a whole number of units (read as a decimal so that {@code 2.5} is refused, not
     * truncated); {@code unit} defaults to {@code pcs}.
     */
    record LineItem(
            @NotNull UUID productId,
            @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String sku,
            @NotBlank @Size(max = 500) String description,
            @NotNull @Positive @Digits(integer = 9, fraction = 0, message = "must be a whole number of at most 9 digits") BigDecimal quantity,
            @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
            UUID warehouseId,
            @Size(max = 20) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String unit) {

        OrderLine toLine() {
            return new OrderLine(productId, sku == null ? null : sku.strip(), description.strip(), quantity,
                    unit == null ? null : unit.strip(), unitPrice, null, null, warehouseId);
        }
    }

    NewOrder toNewOrder() {
        return new NewOrder(customerId, currency, shippingAddressId, lineItems.stream().map(LineItem::toLine).toList());
    }
}
