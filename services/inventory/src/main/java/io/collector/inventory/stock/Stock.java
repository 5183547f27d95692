package io.collector.inventory.stock;

import java.util.Objects;
import java.util.UUID;

/**
 * The stock of one product in one warehouse, and its rules. Invariant: {@code 0 <= reserved <= onHand},
 * so neither on hand nor available ({@code onHand - reserved}) is ever negative: demand beyond what
 * is available becomes a shortfall, and goods dispatched beyond what is on hand a discrepancy.
 *
 * <p>Low stock: a consuming movement (a reservation or a dispatch) that leaves available below the
 * reorder level raises {@code stock.low} once; later movements stay quiet until available is back at
 * or above the reorder level ({@code lowNotified} is then cleared). A goods receipt only adds, so it
 * never raises the event, but it can clear the flag.
 */
public final class Stock {

    private final String tenantId;
    private final UUID productId;
    private final UUID warehouseId;
    private final int reorderLevel;
    private int onHand;
    private int reserved;
    private boolean lowNotified;
    private boolean crossedBelowReorderLevel;

    Stock(String tenantId, UUID productId, UUID warehouseId, int reorderLevel, int onHand, int reserved,
          boolean lowNotified) {
        if (onHand < 0 || reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException("Inconsistent stock: on hand " + onHand + ", reserved " + reserved);
        }
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.productId = Objects.requireNonNull(productId, "productId");
        this.warehouseId = Objects.requireNonNull(warehouseId, "warehouseId");
        this.reorderLevel = reorderLevel;
        this.onHand = onHand;
        this.reserved = reserved;
        this.lowNotified = lowNotified;
    }

    /** A product and warehouse that never moved: nothing on hand. */
    static Stock empty(String tenantId, UUID productId, UUID warehouseId, int reorderLevel) {
        return new Stock(tenantId, productId, warehouseId, reorderLevel, 0, 0, false);
    }

    /** What a reservation got: {@code reserved + shortfall} is what was asked for. */
    public record Allocation(int reserved, int shortfall) {
    }

    /**
     * What a dispatch did: {@code deducted} from on hand, {@code released} from the order's reservation,
     * {@code missing} = dispatched beyond what was on hand (a discrepancy), and {@code overReserved} =
     * what other orders had reserved of goods that left with this dispatch, now no longer held for them.
     */
    public record Dispatch(int deducted, int released, int missing, int overReserved) {
    }

    /** A goods receipt. Throws {@link ArithmeticException} if on hand would overflow. */
    void receive(int quantity) {
        requirePositive(quantity);
        onHand = Math.addExact(onHand, quantity);
        crossedBelowReorderLevel = false;
        if (available() >= reorderLevel) {
            lowNotified = false;
        }
    }

    /** Reserves up to what is available; the rest of {@code quantity} is a shortfall, never negative stock. */
    Allocation reserve(int quantity) {
        requirePositive(quantity);
        int granted = Math.min(quantity, available());
        reserved += granted;
        consumed();
        return new Allocation(granted, quantity - granted);
    }

    /**
     * Goods left: deducts {@code quantity} from on hand, but never below zero (the rest is reported as
     * missing), and releases up to {@code quantity} of what the dispatched order had reserved here. If
     * the goods that left were held for other orders, those reservations shrink ({@code overReserved}).
     */
    Dispatch dispatch(int quantity, int reservedForOrder) {
        requirePositive(quantity);
        if (reservedForOrder < 0 || reservedForOrder > reserved) {
            throw new IllegalArgumentException("The order cannot hold " + reservedForOrder + " of " + reserved + " reserved");
        }
        int released = Math.min(quantity, reservedForOrder);
        int deducted = Math.min(quantity, onHand);
        onHand -= deducted;
        reserved -= released;
        int overReserved = Math.max(0, reserved - onHand);
        reserved -= overReserved;
        consumed();
        return new Dispatch(deducted, released, quantity - deducted, overReserved);
    }

    /**
     * The order that reserved {@code quantity} here no longer needs it (its goods left from another
     * warehouse): available grows back by that much.
     */
    void release(int quantity) {
        if (quantity < 0 || quantity > reserved) {
            throw new IllegalArgumentException("Cannot release " + quantity + " of " + reserved + " reserved");
        }
        reserved -= quantity;
        crossedBelowReorderLevel = false;
        if (available() >= reorderLevel) {
            lowNotified = false;
        }
    }

    private void consumed() {
        crossedBelowReorderLevel = false;
        if (available() < reorderLevel) {
            if (!lowNotified) {
                lowNotified = true;
                crossedBelowReorderLevel = true;
            }
        } else {
            lowNotified = false;
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A quantity must be positive, not " + quantity);
        }
    }

    public int available() {
        return onHand - reserved;
    }

    /** True when the last movement took available below the reorder level for the first time since it was last at or above it. */
    boolean crossedBelowReorderLevel() {
        return crossedBelowReorderLevel;
    }

    String tenantId() {
        return tenantId;
    }

    UUID productId() {
        return productId;
    }

    UUID warehouseId() {
        return warehouseId;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    boolean lowNotified() {
        return lowNotified;
    }
}
