package io.collector.accounting.account;

import java.math.BigDecimal;
import java.util.Objects;

/** An account of a tenant's chart, identified by its code (e.g. {@code 1200 Accounts receivable, ASSET}). */
public record Account(String code, String name, AccountType type) {

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The balance of the given debit and credit totals on this account's normal side: debits minus
     * credits for assets and expenses, credits minus debits otherwise. Positive is the usual state.
     */
    public BigDecimal balance(BigDecimal debit, BigDecimal credit) {
        return type.normalBalance() == AccountType.Side.DEBIT ? debit.subtract(credit) : credit.subtract(debit);
    }
}
