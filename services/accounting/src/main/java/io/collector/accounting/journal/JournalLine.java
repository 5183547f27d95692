package io.collector.accounting.journal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a journal entry: a debit or a credit (never both, never zero) of one account, in one
 * currency. Amounts are kept at scale 2; an amount that would need rounding is refused, because a
 * ledger must never change an amount silently.
 */
public record JournalLine(String accountCode, BigDecimal debit, BigDecimal credit, String currency) {

    public static final int SCALE = 2;
    /** The largest amount numeric(19,2) holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    public JournalLine {
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(currency, "currency");
        if (accountCode.isBlank()) {
            throw new IllegalArgumentException("A journal line needs an account code");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("Currency " + currency + " is not a three-letter ISO 4217 code");
        }
        debit = amount(debit, "debit");
        credit = amount(credit, "credit");
        if ((debit.signum() > 0) == (credit.signum() > 0)) {
            throw new IllegalArgumentException("A journal line of account " + accountCode
                    + " must be either a debit or a credit greater than zero (debit " + debit + ", credit " + credit + ")");
        }
    }

    public static JournalLine debit(String accountCode, BigDecimal amount, String currency) {
        return new JournalLine(accountCode, amount, BigDecimal.ZERO, currency);
    }

    public static JournalLine credit(String accountCode, BigDecimal amount, String currency) {
        return new JournalLine(accountCode, BigDecimal.ZERO, amount, currency);
    }

    public boolean isDebit() {
        return debit.signum() > 0;
    }

    /** Whether {@code amount} can be a line amount as it is: not negative, at most 2 decimals, within numeric(19,2). */
    public static boolean representable(BigDecimal amount) {
        return amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= SCALE && amount.compareTo(MAX_AMOUNT) <= 0;
    }

    private static BigDecimal amount(BigDecimal amount, String side) {
        Objects.requireNonNull(amount, side);
        if (!representable(amount)) {
            throw new IllegalArgumentException("The " + side + " " + amount.toPlainString()
                    + " is not an amount a journal line can hold (0 to " + MAX_AMOUNT.toPlainString() + ", at most "
                    + SCALE + " decimals)");
        }
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
