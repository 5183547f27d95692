package io.collector.offers.offer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfferTotalsTests {

    private static OfferLine line(String quantity, String unitPrice, String discount, String tax) {
        return new OfferLine(null, "line", new BigDecimal(quantity), new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount), tax == null ? null : new BigDecimal(tax));
    }

    @Test
    void appliesTheDiscountBeforeTheTax() {
        OfferLine line = line("5", "300.00", "10", "20");

        assertThat(line.grossAmount()).isEqualByComparingTo("1500.00");
        assertThat(line.discountAmount()).isEqualByComparingTo("150.00");
        assertThat(line.netAmount()).isEqualByComparingTo("1350.00");
        assertThat(line.taxAmount()).isEqualByComparingTo("270.00");   // 20 % of 1350, not of 1500
        assertThat(line.total()).isEqualByComparingTo("1620.00");
    }

    @Test
    void roundsEveryStepToCentsHalfUp() {
        // 1.5 × 0.99 = 1.485 → 1.49; 10 % → 0.149 → 0.15; net 1.34; 19 % → 0.2546 → 0.25
        OfferLine line = line("1.5", "0.99", "10", "19");

        assertThat(line.grossAmount()).isEqualTo(new BigDecimal("1.49"));
        assertThat(line.discountAmount()).isEqualTo(new BigDecimal("0.15"));
        assertThat(line.netAmount()).isEqualTo(new BigDecimal("1.34"));
        assertThat(line.taxAmount()).isEqualTo(new BigDecimal("0.25"));
        assertThat(line.total()).isEqualTo(new BigDecimal("1.59"));
    }

    @Test
    void roundsAnExactHalfCentUp() {
        // 0.5 × 0.01 = 0.005 → 0.01
        assertThat(line("0.5", "0.01", null, null).total()).isEqualTo(new BigDecimal("0.01"));
        // 7.5 % of 0.10 = 0.0075 → 0.01
        assertThat(line("1", "0.10", null, "7.5").taxAmount()).isEqualTo(new BigDecimal("0.01"));
        // 2.5 % of 0.10 = 0.0025 → 0.00 (below half a cent)
        assertThat(line("1", "0.10", "2.5", null).discountAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void missingPercentagesCountAsZero() {
        OfferLine line = line("2", "19.99", null, null);

        assertThat(line.discountAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(line.taxAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(line.total()).isEqualTo(new BigDecimal("39.98"));
    }

    @Test
    void fullDiscountLeavesNothingToTax() {
        OfferLine line = line("3", "10.00", "100", "20");

        assertThat(line.total()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void offerTotalsAreTheSumsOfTheRoundedLines() {
        OfferTotals totals = OfferTotals.of(List.of(
                line("5", "300.00", "10", "20"),     // 1500.00 − 150.00 + 270.00 = 1620.00
                line("1.5", "0.99", "10", "19"),     //    1.49 −   0.15 +   0.25 =    1.59
                line("0.333", "1.00", null, "10"))); //    0.33 −   0.00 +   0.03 =    0.36

        assertThat(totals.subtotal()).isEqualTo(new BigDecimal("1501.82"));
        assertThat(totals.discountTotal()).isEqualTo(new BigDecimal("150.15"));
        assertThat(totals.taxTotal()).isEqualTo(new BigDecimal("270.28"));
        assertThat(totals.grandTotal()).isEqualTo(new BigDecimal("1621.95"));
        assertThat(totals.subtotal().subtract(totals.discountTotal()).add(totals.taxTotal()))
                .isEqualTo(totals.grandTotal());
    }

    @Test
    void quantitiesAndPercentagesLoseOnlyTrailingZeros() {
        OfferLine line = line("5.0000", "300", "10.00", "20.50");

        assertThat(line.quantity()).isEqualTo(new BigDecimal("5"));
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("300.00"));
        assertThat(line.discountPercent().toPlainString()).isEqualTo("10");
        assertThat(line.taxPercent().toPlainString()).isEqualTo("20.5");
    }
}
