package io.collector.accounting.ledger.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.accounting.account.AccountType;
import io.collector.accounting.ledger.AccountBalances;
import io.collector.accounting.ledger.AccountTotals;
import io.collector.accounting.ledger.LedgerManagement;
import io.collector.accounting.ledger.TrialBalance;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
class LedgerController {

    private final LedgerManagement ledger;

    LedgerController(LedgerManagement ledger) {
        this.ledger = ledger;
    }

    /** Totals of one account in one currency; {@code balance} is on the account's normal side. */
    record Balance(
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {
        static Balance of(AccountTotals totals) {
            return new Balance(totals.currency(), totals.debit(), totals.credit(), totals.balance());
        }
    }

    record AccountBalanceResponse(String code, String name, AccountType type, AccountType.Side normalBalance,
                                  List<Balance> balances) {
    }

    record TrialBalanceAccount(
            String code,
            String name,
            AccountType type,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal credit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {
    }

    record TrialBalanceCurrency(
            String currency,
            List<TrialBalanceAccount> accounts,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalDebit,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalCredit,
            boolean balanced) {
    }

    record TrialBalanceResponse(boolean balanced, List<TrialBalanceCurrency> currencies) {
        static TrialBalanceResponse of(TrialBalance trialBalance) {
            return new TrialBalanceResponse(trialBalance.balanced(), trialBalance.currencies().stream()
                    .map(section -> new TrialBalanceCurrency(section.currency(), section.accounts().stream()
                            .map(a -> new TrialBalanceAccount(a.account().code(), a.account().name(), a.account().type(),
                                    a.debit(), a.credit(), a.balance()))
                            .toList(), section.totalDebit(), section.totalCredit(), section.balanced()))
                    .toList());
        }
    }

    /** The account's debit and credit totals and balance per currency; 404 for a code not in the tenant's chart. */
    @GetMapping("/api/accounts/{code}/balance")
    AccountBalanceResponse balance(@PathVariable String code) {
        AccountBalances balances = ledger.balanceOf(CurrentTenant.id(), code);
        var account = balances.account();
        return new AccountBalanceResponse(account.code(), account.name(), account.type(), account.type().normalBalance(),
                balances.balances().stream().map(Balance::of).toList());
    }

    /** Per currency: the accounts posted in it with their totals, total debits and credits, and whether they agree. */
    @GetMapping("/api/trial-balance")
    TrialBalanceResponse trialBalance(
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter ISO 4217 currency code such as \"USD\"") String currency) {
        return TrialBalanceResponse.of(ledger.trialBalance(CurrentTenant.id(), currency));
    }
}
