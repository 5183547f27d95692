package io.collector.invoices.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money rules: amounts are {@code BigDecimal} with two decimals, rounded half up; quantities,
 * unit prices and percentages keep the scale they came with.
 */
final class Money {

    static final int SCALE = 2;
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** numeric(19,2): the largest amount a column holds has 17 digits before the point. */
    private static final int MAX_INTEGER_DIGITS = 17;

    private Money() {
    }

    /** {@code value} in cents, rounded half up. */
    static BigDecimal amount(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    /** quantity × unit price, rounded half up to cents. */
    static BigDecimal lineTotal(BigDecimal quantity, BigDecimal unitPrice) {
        return amount(quantity.multiply(unitPrice));
    }

    /** {@code percent} % of {@code base}, rounded half up to cents (dividing by 100 is exact). */
    static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return amount(base.multiply(percent).divide(HUNDRED));
    }

    /** True when the amount has at most two decimals, so it is a whole number of cents. */
    static boolean isWholeCents(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= SCALE;
    }

    static boolean fitsColumn(BigDecimal amount) {
        return amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS;
    }
}
