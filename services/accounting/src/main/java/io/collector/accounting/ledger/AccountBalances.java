package io.collector.accounting.ledger;

import io.collector.accounting.account.Account;

import java.util.List;

/** An account and its totals per currency it was ever posted in (none: never posted). */
public record AccountBalances(Account account, List<AccountTotals> balances) {

    public AccountBalances {
        balances = List.copyOf(balances);
    }
}
