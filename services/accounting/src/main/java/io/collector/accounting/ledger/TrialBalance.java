package io.collector.accounting.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trial balance: per currency, every account posted in it with its debit and credit totals, and the
 * currency's total debits and credits. Since every entry balances, total debits equal total credits in
 * every currency; {@code balanced} says whether they do (it is computed, not assumed).
 */
public record TrialBalance(List<Section> currencies, boolean balanced) {

    /** One currency of the trial balance. */
    public record Section(String currency, List<AccountTotals> accounts, BigDecimal totalDebit, BigDecimal totalCredit) {

        public Section {
            accounts = List.copyOf(accounts);
        }

        public boolean balanced() {
            return totalDebit.compareTo(totalCredit) == 0;
        }
    }

    public TrialBalance {
        currencies = List.copyOf(currencies);
    }

    /** The trial balance of these totals: sections by currency, accounts by code. */
    public static TrialBalance of(List<AccountTotals> totals) {
        Map<String, List<AccountTotals>> byCurrency = new TreeMap<>();
        for (AccountTotals account : totals) {
            byCurrency.computeIfAbsent(account.currency(), c -> new ArrayList<>()).add(account);
        }
        List<Section> sections = new ArrayList<>(byCurrency.size());
        byCurrency.forEach((currency, accounts) -> {
            accounts.sort(Comparator.comparing(a -> a.account().code()));
            BigDecimal debit = accounts.stream().map(AccountTotals::debit).reduce(new BigDecimal("0.00"), BigDecimal::add);
            BigDecimal credit = accounts.stream().map(AccountTotals::credit).reduce(new BigDecimal("0.00"), BigDecimal::add);
            sections.add(new Section(currency, accounts, debit, credit));
        });
        return new TrialBalance(sections, sections.stream().allMatch(Section::balanced));
    }
}
