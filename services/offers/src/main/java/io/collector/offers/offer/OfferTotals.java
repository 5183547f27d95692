package io.collector.offers.offer;

import java.math.BigDecimal;
import java.util.List;

/** Sums of the lines: grandTotal = subtotal − discountTotal + taxTotal, all in cents. */
public record OfferTotals(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal grandTotal) {

    static OfferTotals of(List<OfferLine> lines) {
        BigDecimal zero = Money.amount(BigDecimal.ZERO);
        BigDecimal subtotal = zero;
        BigDecimal discount = zero;
        BigDecimal tax = zero;
        BigDecimal grand = zero;
        for (OfferLine line : lines) {
            subtotal = subtotal.add(line.grossAmount());
            discount = discount.add(line.discountAmount());
            tax = tax.add(line.taxAmount());
            grand = grand.add(line.total());
        }
        return new OfferTotals(subtotal, discount, tax, grand);
    }

    boolean fitColumns() {
        return Money.fitsColumn(subtotal) && Money.fitsColumn(discountTotal) && Money.fitsColumn(taxTotal)
                && Money.fitsColumn(grandTotal);
    }
}
