package io.collector.offers.offer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts have two decimals, rounded half up; quantities and percentages keep their own scale. */
final class Money {

    static final int SCALE = 2;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** numeric(19,2): the largest amount a column can hold. */
    private static final int MAX_INTEGER_DIGITS = 17;

    private Money() {
    }

    static BigDecimal amount(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
        return percent == null ? amount(BigDecimal.ZERO) : amount(base.multiply(percent).divide(HUNDRED));
    }

    static boolean fitsColumn(BigDecimal amount) {
        return amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS;
    }

    /** {@code 5.0000} → {@code 5}, {@code 10} stays {@code 10} (never {@code 1E+1}). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
