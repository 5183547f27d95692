package io.collector.accounting.ledger;

import io.collector.accounting.account.Account;
import io.collector.accounting.account.AccountManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of the ledger: what the journal adds up to, per account and currency. */
@Service
public class LedgerManagement {

    private final LedgerRepository ledger;
    private final AccountManagement accounts;

    LedgerManagement(LedgerRepository ledger, AccountManagement accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** The account's totals per currency; an account the tenant's chart does not have is a 404. */
    @Transactional
    public AccountBalances balanceOf(String tenantId, String code) {
        Account account = accounts.account(tenantId, code);
        return new AccountBalances(account, ledger.totalsOfAccount(tenantId, code));
    }

    /** The trial balance of the tenant, of one currency or (null) of all. */
    @Transactional
    public TrialBalance trialBalance(String tenantId, String currency) {
        accounts.ensureChart(tenantId);
        return TrialBalance.of(ledger.totals(tenantId, currency));
    }
}
