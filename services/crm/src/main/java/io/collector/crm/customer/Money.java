package io.collector.crm.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts have two decimals, rounded half up, and must fit numeric(19,2). */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final int MAX_INTEGER_DIGITS = 17;

    private Money() {
    }

    static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static boolean fitsColumn(BigDecimal amount) {
        return amount.precision() - amount.scale() <= MAX_INTEGER_DIGITS;
    }
}
