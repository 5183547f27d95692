package io.collector.accounting.account;

/** The five kinds of account, each with the side its balance normally sits on. */
public enum AccountType {
    ASSET(Side.DEBIT),
    LIABILITY(Side.CREDIT),
    EQUITY(Side.CREDIT),
    REVENUE(Side.CREDIT),
    EXPENSE(Side.DEBIT);

    /** Debit or credit. */
    public enum Side { DEBIT, CREDIT }

    private final Side normalBalance;

    AccountType(Side normalBalance) {
        this.normalBalance = normalBalance;
    }

    /** The side that increases this kind of account: assets and expenses are debit accounts, the rest credit. */
    public Side normalBalance() {
        return normalBalance;
    }
}
