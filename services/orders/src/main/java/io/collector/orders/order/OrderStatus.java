package io.collector.orders.order;

/**
 * PENDING → CONFIRMED, PENDING → CANCELLED; nothing else. A confirmed order is not cancelled here:
 * {@code order.confirmed} has already asked Delivery for a delivery note and the catalog has no event
 * to call it back, so undoing a confirmed order is a return, not a status change. CONFIRMED and
 * CANCELLED are final; no move goes back to PENDING or repeats the current status.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, CANCELLED;

    public boolean canMoveTo(OrderStatus target) {
        return this == PENDING && (target == CONFIRMED || target == CANCELLED);
    }
}
