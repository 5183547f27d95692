package io.collector.invoices.invoice;

import java.math.BigDecimal;
import java.util.List;

/**
 * An invoice's totals. Tax is computed once, on the subtotal (not per line), at the invoice's tax
 * rate and rounded half up to cents; the grand total is the sum of the two, so
 * {@code subtotal + taxTotal = grandTotal} holds exactly, and the subtotal is exactly the sum of the
 * line totals.
 */
public record InvoiceTotals(BigDecimal subtotal, BigDecimal taxTotal, BigDecimal grandTotal) {

    public InvoiceTotals {
        if (subtotal.add(taxTotal).compareTo(grandTotal) != 0) {
            throw new IllegalArgumentException("subtotal " + subtotal + " + tax " + taxTotal + " is not " + grandTotal);
        }
    }

    static InvoiceTotals of(List<BigDecimal> lineTotals, BigDecimal taxPercent) {
        BigDecimal subtotal = lineTotals.stream().map(Money::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal tax = Money.percentOf(subtotal, taxPercent);
        return new InvoiceTotals(subtotal, tax, subtotal.add(tax));
    }
}
