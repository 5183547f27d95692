package io.collector.orders.order;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an order. A line with a product is goods: Inventory and Delivery hear of it, so its
 * quantity is a whole number. A line without a product is a service line taken over from an offer
 * (work, a fee): it counts in the totals but is not in the events, and may have any quantity.
 * Discount and tax only come from offers; the total applies discount, then tax, each to cents half up.
 */
public record OrderLine(UUID productId, String sku, String description, BigDecimal quantity, String unit,
                        BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxPercent, UUID warehouseId) {

    public static final String DEFAULT_UNIT = "pcs";

    public OrderLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be greater than 0");
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative");
        }
        quantity = Money.plain(quantity);
        unitPrice = Money.amount(unitPrice);
        discountPercent = Money.plain(discountPercent);
        taxPercent = Money.plain(taxPercent);
        unit = unit == null || unit.isBlank() ? DEFAULT_UNIT : unit;
    }

    public boolean isProduct() {
        return productId != null;
    }

    /** The quantity as the events carry it; only for product lines, whose quantities are whole. */
    int wholeQuantity() {
        try {
            return quantity.intValueExact();
        } catch (ArithmeticException e) {
            throw new OrderNotPossible("the quantity " + quantity.toPlainString() + " of product " + productId
                    + " (\"" + description + "\") is not a whole number (at most " + Integer.MAX_VALUE
                    + "), and order events carry whole quantities of products");
        }
    }

    /**
     * The unit price after the line's discount, to cents half up: what {@code order.created} carries,
     * since its lines have no discount field and Invoices bills from them. Tax is the invoicing tenant's.
     */
    BigDecimal netUnitPrice() {
        return unitPrice.subtract(Money.percentOf(unitPrice, discountPercent));
    }

    public BigDecimal total() {
        BigDecimal gross = Money.amount(quantity.multiply(unitPrice));
        BigDecimal net = gross.subtract(Money.percentOf(gross, discountPercent));
        return net.add(Money.percentOf(net, taxPercent));
    }
}
