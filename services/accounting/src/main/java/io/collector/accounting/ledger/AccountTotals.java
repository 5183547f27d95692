package io.collector.accounting.ledger;

import io.collector.accounting.account.Account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** What was posted to one account in one currency: its debit and credit totals. */
public record AccountTotals(Account account, String currency, BigDecimal debit, BigDecimal credit) {

    public AccountTotals {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        debit = debit.setScale(2, RoundingMode.UNNECESSARY);
        credit = credit.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** On the account's normal side: debit − credit for assets and expenses, credit − debit otherwise. */
    public BigDecimal balance() {
        return account.balance(debit, credit);
    }
}
