package io.collector.inventory.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one order holds of one product in one warehouse (its lines for the same product and
 * warehouse added up): {@code reserved} is held out of on hand, {@code shortfall} was ordered but not
 * available, {@code dispatched} has left from here, {@code dispatchedElsewhere} was wanted here but
 * left from another warehouse. Open demand is {@code reserved + shortfall}.
 */
public final class Reservation {

    private final UUID id;
    private final String tenantId;
    private final UUID orderId;
    private final UUID productId;
    private final UUID warehouseId;
    private final int quantity;
    private final Instant createdAt;
    private int reserved;
    private int shortfall;
    private int dispatched;
    private int dispatchedElsewhere;

    Reservation(UUID id, String tenantId, UUID orderId, UUID productId, UUID warehouseId, int quantity, int reserved,
                int shortfall, int dispatched, int dispatchedElsewhere, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.productId = Objects.requireNonNull(productId, "productId");
        this.warehouseId = Objects.requireNonNull(warehouseId, "warehouseId");
        this.quantity = quantity;
        this.reserved = reserved;
        this.shortfall = shortfall;
        this.dispatched = dispatched;
        this.dispatchedElsewhere = dispatchedElsewhere;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    static Reservation open(String tenantId, UUID orderId, UUID productId, UUID warehouseId, Stock.Allocation allocation,
                            Instant now) {
        return open(tenantId, orderId, productId, warehouseId, allocation.reserved() + allocation.shortfall(), 0, 0,
                allocation, now);
    }

    /**
     * {@code quantity} ordered, of which {@code dispatched} already left from here and
     * {@code dispatchedElsewhere} from other warehouses before the order was reserved (its
     * delivery.dispatched was handled first): {@code allocation} is what the rest got.
     */
    static Reservation open(String tenantId, UUID orderId, UUID productId, UUID warehouseId, int quantity, int dispatched,
                            int dispatchedElsewhere, Stock.Allocation allocation, Instant now) {
        return new Reservation(UUID.randomUUID(), tenantId, orderId, productId, warehouseId, quantity,
                allocation.reserved(), allocation.shortfall(), dispatched, dispatchedElsewhere, now);
    }

    /**
     * {@code quantity} of the order left the warehouse, {@code released} of it out of this reservation:
     * what left beyond the reserved part covers the shortfall first.
     */
    void dispatched(int quantity, int released) {
        if (released < 0 || released > reserved || released > quantity) {
            throw new IllegalArgumentException("Cannot release " + released + " of " + reserved + " for " + quantity);
        }
        reserved -= released;
        shortfall -= Math.min(quantity - released, shortfall);
        dispatched = Math.addExact(dispatched, quantity);
    }

    /** What {@link #dispatchedElsewhere} took off this reservation: {@code covered} units, {@code released} of them reserved. */
    record Cover(int covered, int released) {
    }

    /**
     * Up to {@code units} of this order's demand here left from another warehouse. The shortfall is
     * covered first and only then is reserved stock released, so the order keeps what it holds for as
     * long as it still needs it, and the outcome is the one a reservation made after that dispatch
     * would have had (reserving only the rest, as far as available).
     */
    Cover dispatchedElsewhere(int units) {
        if (units < 0) {
            throw new IllegalArgumentException("Cannot cover " + units + " units");
        }
        int fromShortfall = Math.min(units, shortfall);
        int fromReserved = Math.min(units - fromShortfall, reserved);
        shortfall -= fromShortfall;
        reserved -= fromReserved;
        dispatchedElsewhere = Math.addExact(dispatchedElsewhere, fromShortfall + fromReserved);
        return new Cover(fromShortfall + fromReserved, fromReserved);
    }

    /** Units still wanted here: reserved or short. */
    int open() {
        return reserved + shortfall;
    }

    /**
     * Goods held for these reservations left with another order's dispatch: {@code excess} units are
     * no longer held. The newest reservations give way first (first come, first served) and what they
     * lose becomes shortfall. Returns the reservations that changed.
     */
    static List<Reservation> giveWay(List<Reservation> holding, int excess) {
        List<Reservation> newestFirst = new ArrayList<>(holding);
        newestFirst.sort(Comparator.comparing((Reservation r) -> r.createdAt).reversed().thenComparing(r -> r.id));
        List<Reservation> changed = new ArrayList<>();
        int left = excess;
        for (Reservation reservation : newestFirst) {
            if (left == 0) {
                break;
            }
            int taken = Math.min(left, reservation.reserved);
            if (taken > 0) {
                reservation.reserved -= taken;
                reservation.shortfall += taken;
                left -= taken;
                changed.add(reservation);
            }
        }
        if (left > 0) {
            throw new IllegalStateException("Reservations hold " + (excess - left) + ", not the " + excess + " to give way");
        }
        return changed;
    }

    public UUID id() { return id; }
    String tenantId() { return tenantId; }
    public UUID orderId() { return orderId; }
    public UUID productId() { return productId; }
    public UUID warehouseId() { return warehouseId; }
    public int quantity() { return quantity; }
    public int reserved() { return reserved; }
    public int shortfall() { return shortfall; }
    public int dispatched() { return dispatched; }
    public int dispatchedElsewhere() { return dispatchedElsewhere; }
    public Instant createdAt() { return createdAt; }
}
