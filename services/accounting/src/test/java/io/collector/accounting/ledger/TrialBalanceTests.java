package io.collector.accounting.ledger;

import io.collector.accounting.account.Account;
import io.collector.accounting.account.AccountType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrialBalanceTests {

    private static final Account BANK = new Account("1000", "Bank", AccountType.ASSET);
    private static final Account RECEIVABLE = new Account("1200", "Accounts receivable", AccountType.ASSET);
    private static final Account TAX = new Account("2100", "Tax payable", AccountType.LIABILITY);
    private static final Account REVENUE = new Account("4000", "Revenue", AccountType.REVENUE);

    private static AccountTotals totals(Account account, String currency, String debit, String credit) {
        return new AccountTotals(account, currency, new BigDecimal(debit), new BigDecimal(credit));
    }

    @Test
    void sumsDebitsAndCreditsPerCurrency() {
        TrialBalance trialBalance = TrialBalance.of(List.of(
                totals(REVENUE, "USD", "0", "1250.00"),
                totals(RECEIVABLE, "USD", "1500.00", "1500.00"),
                totals(TAX, "USD", "0", "250.00"),
                totals(BANK, "USD", "1500.00", "0"),
                totals(RECEIVABLE, "EUR", "119.00", "0"),
                totals(REVENUE, "EUR", "0", "100.00"),
                totals(TAX, "EUR", "0", "19.00")));

        assertThat(trialBalance.balanced()).isTrue();
        assertThat(trialBalance.currencies()).extracting(TrialBalance.Section::currency).containsExactly("EUR", "USD");
        TrialBalance.Section usd = trialBalance.currencies().get(1);
        assertThat(usd.accounts()).extracting(a -> a.account().code()).containsExactly("1000", "1200", "2100", "4000");
        assertThat(usd.totalDebit().toPlainString()).isEqualTo("3000.00");
        assertThat(usd.totalCredit().toPlainString()).isEqualTo("3000.00");
        assertThat(usd.balanced()).isTrue();
        TrialBalance.Section eur = trialBalance.currencies().get(0);
        assertThat(eur.totalDebit().toPlainString()).isEqualTo("119.00");
        assertThat(eur.totalCredit().toPlainString()).isEqualTo("119.00");
    }

    @Test
    void balancedIsComputedNotAssumed() {
        TrialBalance trialBalance = TrialBalance.of(List.of(totals(BANK, "USD", "10.00", "0"), totals(REVENUE, "USD", "0", "9.99")));

        assertThat(trialBalance.balanced()).isFalse();
        assertThat(trialBalance.currencies().get(0).balanced()).isFalse();
    }

    @Test
    void emptyJournalIsAnEmptyBalancedTrialBalance() {
        TrialBalance trialBalance = TrialBalance.of(List.of());

        assertThat(trialBalance.currencies()).isEmpty();
        assertThat(trialBalance.balanced()).isTrue();
    }

    @Test
    void balanceIsOnTheAccountsNormalSide() {
        assertThat(totals(RECEIVABLE, "USD", "1500.00", "1500.00").balance().toPlainString()).isEqualTo("0.00");
        assertThat(totals(RECEIVABLE, "USD", "1500.00", "400.00").balance().toPlainString()).isEqualTo("1100.00");
        assertThat(totals(REVENUE, "USD", "0", "1250.00").balance().toPlainString()).isEqualTo("1250.00");
        assertThat(totals(TAX, "USD", "50.00", "250.00").balance().toPlainString()).isEqualTo("200.00");
        assertThat(totals(new Account("6000", "Salaries expense", AccountType.EXPENSE), "USD", "100.00", "0").balance())
                .isEqualByComparingTo("100");
        assertThat(totals(new Account("3000", "Retained earnings", AccountType.EQUITY), "USD", "100.00", "0").balance())
                .isEqualByComparingTo("-100");
    }
}
