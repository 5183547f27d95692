package io.collector.offers.offer;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an offer. A line without a product is a service line (work, a fee). Its total is
 * computed per line: discount first, then tax on the discounted amount, each rounded to cents
 * half up.
 *
 * @param discountPercent 0..100, null for none
 * @param taxPercent      0..100, null for none
 */
public record OfferLine(UUID productId, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, BigDecimal taxPercent) {

    public OfferLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be greater than 0");
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must not be negative");
        }
        requirePercent(discountPercent, "discountPercent");
        requirePercent(taxPercent, "taxPercent");
        quantity = Money.plain(quantity);
        unitPrice = Money.amount(unitPrice);
        discountPercent = Money.plain(discountPercent);
        taxPercent = Money.plain(taxPercent);
    }

    /** quantity × unitPrice, before discount and tax. */
    public BigDecimal grossAmount() {
        return Money.amount(quantity.multiply(unitPrice));
    }

    public BigDecimal discountAmount() {
        return Money.percentOf(grossAmount(), discountPercent);
    }

    /** After discount, before tax. */
    public BigDecimal netAmount() {
        return grossAmount().subtract(discountAmount());
    }

    /** Tax on the discounted amount. */
    public BigDecimal taxAmount() {
        return Money.percentOf(netAmount(), taxPercent);
    }

    public BigDecimal total() {
        return netAmount().add(taxAmount());
    }

    private static void requirePercent(BigDecimal percent, String name) {
        if (percent != null && (percent.signum() < 0 || percent.compareTo(Money.HUNDRED) > 0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 100");
        }
    }
}
