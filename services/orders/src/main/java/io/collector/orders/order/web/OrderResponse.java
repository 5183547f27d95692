package io.collector.orders.order.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.orders.order.Order;
import io.collector.orders.order.OrderLine;
import io.collector.orders.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it. Money and percentages are decimal strings ({@code "1500.00"}) as on
 * the wire; quantities are JSON numbers, as in {@code order.created}.
 */
record OrderResponse(
        UUID id,
        String number,
        UUID customerId,
        UUID offerId,
        String currency,
        OrderStatus status,
        UUID shippingAddressId,
        List<Line> lineItems,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grandTotal,
        Instant createdAt,
        Instant confirmedAt,
        Instant cancelledAt) {

    record Line(
            UUID productId,
            String sku,
            String description,
            BigDecimal quantity,
            String unit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxPercent,
            UUID warehouseId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) {

        static Line of(OrderLine line) {
            return new Line(line.productId(), line.sku(), line.description(), line.quantity(), line.unit(),
                    line.unitPrice(), line.discountPercent(), line.taxPercent(), line.warehouseId(), line.total());
        }
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.number(), order.customerId(), order.offerId(), order.currency(),
                order.status(), order.shippingAddressId(), order.lines().stream().map(Line::of).toList(),
                order.grandTotal(), order.createdAt(), order.confirmedAt(), order.cancelledAt());
    }
}
