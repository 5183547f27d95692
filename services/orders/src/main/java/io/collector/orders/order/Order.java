package io.collector.orders.order;

import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order: created PENDING from an approved offer or placed directly, then CONFIRMED or CANCELLED
 * ({@link OrderStatus} has the moves). It raises {@code order.created} and {@code order.confirmed},
 * whose lines are its product lines: an order with none (services only) has nothing for Inventory
 * or Delivery and raises neither.
 */
public final class Order {

    private final UUID id;
    private final String tenantId;
    private final String number;
    private final UUID customerId;
    private final UUID offerId;
    private final String currency;
    private final List<OrderLine> lines;
    private final BigDecimal grandTotal;
    private final Instant createdAt;
    private OrderStatus status;
    private UUID shippingAddressId;
    private Instant confirmedAt;
    private Instant cancelledAt;

    private Order(UUID id, String tenantId, String number, UUID customerId, UUID offerId, String currency,
                  List<OrderLine> lines, BigDecimal grandTotal, OrderStatus status, UUID shippingAddressId,
                  Instant createdAt, Instant confirmedAt, Instant cancelledAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.number = Objects.requireNonNull(number, "number");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.offerId = offerId;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.lines = List.copyOf(lines);
        this.grandTotal = Money.amount(grandTotal);
        this.status = Objects.requireNonNull(status, "status");
        this.shippingAddressId = shippingAddressId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.confirmedAt = confirmedAt;
        this.cancelledAt = cancelledAt;
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /**
     * The order of an approved offer: all its lines (service lines included), its grand total as the
     * offer computed it. A product line must have a whole quantity, since the order events carry
     * integers; otherwise {@link OrderNotPossible}.
     */
    static Order fromOffer(UUID id, String tenantId, String number, OfferApproved offer, Instant now) {
        List<OrderLine> lines = offer.lineItems().stream().map(item -> new OrderLine(item.productId(), null,
                item.description(), item.quantity(), OrderLine.DEFAULT_UNIT, item.unitPrice(), item.discountPercent(),
                item.taxPercent(), null)).toList();
        return checked(new Order(id, tenantId, number, offer.customerId(), offer.offerId(), offer.currency(), lines,
                offer.grandTotal(), OrderStatus.PENDING, null, now, null, null));
    }

    /** A direct order: its grand total is the sum of quantity × unit price per line (no discount, no tax). */
    static Order direct(UUID id, String tenantId, String number, NewOrder order, Instant now) {
        if (!order.lines().stream().allMatch(OrderLine::isProduct)) {
            throw new IllegalArgumentException("every line of a direct order names a product");
        }
        BigDecimal total = order.lines().stream().map(OrderLine::total).reduce(Money.amount(BigDecimal.ZERO), BigDecimal::add);
        return checked(new Order(id, tenantId, number, order.customerId(), null, order.currency(), order.lines(), total,
                OrderStatus.PENDING, order.shippingAddressId(), now, null, null));
    }

    static Order restore(UUID id, String tenantId, String number, UUID customerId, UUID offerId, String currency,
                         List<OrderLine> lines, BigDecimal grandTotal, OrderStatus status, UUID shippingAddressId,
                         Instant createdAt, Instant confirmedAt, Instant cancelledAt) {
        return new Order(id, tenantId, number, customerId, offerId, currency, lines, grandTotal, status,
                shippingAddressId, createdAt, confirmedAt, cancelledAt);
    }

    private static Order checked(Order order) {
        order.productLines().forEach(OrderLine::wholeQuantity);
        boolean fits = Money.fitsColumn(order.grandTotal) && order.lines.stream().allMatch(line -> Money.fitsColumn(line.total()));
        if (!fits) {
            throw new OrderNotPossible("its amounts are too large (more than 17 digits before the decimal point)");
        }
        return order;
    }

    /** {@code order.created}, unless the order has no product line. */
    public Optional<OrderCreated> created() {
        List<OrderCreated.LineItem> items = productLines().stream().map(line -> new OrderCreated.LineItem(
                line.productId(), line.sku(), line.description(), line.wholeQuantity(), line.netUnitPrice(),
                line.warehouseId())).toList();
        return items.isEmpty() ? Optional.empty()
                : Optional.of(new OrderCreated(id, number, customerId, offerId, items, currency, grandTotal));
    }

    /**
     * Moves to {@code target} (409 if {@link OrderStatus#canMoveTo} refuses). Confirming takes the
     * shipping address given, else the order's own; with product lines to ship and no address it is
     * refused (422), since {@code order.confirmed} requires one.
     *
     * @return {@code order.confirmed} when the order was confirmed and has product lines
     */
    public Optional<OrderConfirmed> moveTo(OrderStatus target, UUID newShippingAddressId, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("Order " + number + " is " + status + " and cannot become " + target);
        }
        return switch (target) {
            case CONFIRMED -> confirm(newShippingAddressId, now);
            case CANCELLED -> {
                status = OrderStatus.CANCELLED;
                cancelledAt = now;
                yield Optional.empty();
            }
            case PENDING -> throw new IllegalStateException("unreachable: nothing moves to PENDING");
        };
    }

    private Optional<OrderConfirmed> confirm(UUID newShippingAddressId, Instant now) {
        UUID address = newShippingAddressId != null ? newShippingAddressId : shippingAddressId;
        List<OrderConfirmed.LineItem> items = productLines().stream().map(line -> new OrderConfirmed.LineItem(
                line.productId(), line.description(), line.wholeQuantity(), line.unit())).toList();
        if (address == null && !items.isEmpty()) {
            throw new UnprocessableException("Order " + number + " has no shipping address: give shippingAddressId"
                    + " to confirm it (order.confirmed tells Delivery where to ship)");
        }
        status = OrderStatus.CONFIRMED;
        confirmedAt = now;
        shippingAddressId = address;
        return items.isEmpty() ? Optional.empty()
                : Optional.of(new OrderConfirmed(id, number, customerId, address, items));
    }

    private List<OrderLine> productLines() {
        return lines.stream().filter(OrderLine::isProduct).toList();
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String number() { return number; }
    public UUID customerId() { return customerId; }
    public UUID offerId() { return offerId; }
    public String currency() { return currency; }
    public List<OrderLine> lines() { return lines; }
    public BigDecimal grandTotal() { return grandTotal; }
    public OrderStatus status() { return status; }
    public UUID shippingAddressId() { return shippingAddressId; }
    public Instant createdAt() { return createdAt; }
    public Instant confirmedAt() { return confirmedAt; }
    public Instant cancelledAt() { return cancelledAt; }
}
