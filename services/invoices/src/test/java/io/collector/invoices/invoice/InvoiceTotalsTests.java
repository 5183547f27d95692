package io.collector.invoices.invoice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money rules: two decimals, half up, and totals that add up exactly. */
class InvoiceTotalsTests {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void lineTotalIsQuantityTimesUnitPriceRoundedHalfUpToCents() {
        assertThat(Money.lineTotal(d("5"), d("300.00"))).isEqualByComparingTo("1500.00").hasScaleOf(2);
        assertThat(Money.lineTotal(d("3"), d("0.335"))).isEqualTo(d("1.01"));   // 1.005 → 1.01
        assertThat(Money.lineTotal(d("3"), d("0.125"))).isEqualTo(d("0.38"));   // 0.375 → 0.38
        assertThat(Money.lineTotal(d("1"), d("0.004"))).isEqualTo(d("0.00"));
        assertThat(Money.lineTotal(d("7"), d("19.99"))).isEqualTo(d("139.93"));
    }

    @Test
    void taxIsComputedOnceOnTheSubtotalHalfUp() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(d("0.03"), d("0.02")), d("10"));   // 10 % of 0.05 = 0.005

        assertThat(totals.subtotal()).isEqualTo(d("0.05"));
        assertThat(totals.taxTotal()).isEqualTo(d("0.01"));
        assertThat(totals.grandTotal()).isEqualTo(d("0.06"));
    }

    @Test
    void taxAtAFractionalRate() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(d("1500.00"), d("1.01")), d("7.5"));   // 112.57575

        assertThat(totals).isEqualTo(new InvoiceTotals(d("1501.01"), d("112.58"), d("1613.59")));
    }

    @Test
    void noTaxRateMeansTheGrandTotalIsTheSubtotal() {
        InvoiceTotals totals = InvoiceTotals.of(List.of(d("1500.00"), d("250.50")), BigDecimal.ZERO);

        assertThat(totals).isEqualTo(new InvoiceTotals(d("1750.50"), d("0.00"), d("1750.50")));
    }

    @Test
    void subtotalPlusTaxIsAlwaysExactlyTheGrandTotalWithTwoDecimals() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            List<BigDecimal> lines = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                BigDecimal unitPrice = BigDecimal.valueOf(random.nextInt(1_000_000), 3);
                lines.add(Money.lineTotal(BigDecimal.valueOf(1 + random.nextInt(50)), unitPrice));
            }
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(1_000_000), 4);

            InvoiceTotals totals = InvoiceTotals.of(lines, rate);

            assertThat(totals.subtotal().add(totals.taxTotal())).isEqualTo(totals.grandTotal());
            assertThat(totals.subtotal()).isEqualTo(lines.stream().reduce(Money.ZERO, BigDecimal::add));
            assertThat(List.of(totals.subtotal(), totals.taxTotal(), totals.grandTotal())).allMatch(a -> a.scale() == 2);
        }
    }

    @Test
    void totalsThatDoNotAddUpCannotExist() {
        assertThatThrownBy(() -> new InvoiceTotals(d("10.00"), d("2.00"), d("12.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsBeyondTheColumnAreDetected() {
        assertThat(Money.fitsColumn(d("99999999999999999.99"))).isTrue();
        assertThat(Money.fitsColumn(d("100000000000000000.00"))).isFalse();
    }

    @Test
    void wholeCentsHaveAtMostTwoDecimals() {
        assertThat(Money.isWholeCents(d("10.5"))).isTrue();
        assertThat(Money.isWholeCents(d("10.500"))).isTrue();
        assertThat(Money.isWholeCents(d("10.005"))).isFalse();
        assertThat(Money.isWholeCents(d("1E+2"))).isTrue();
    }
}
