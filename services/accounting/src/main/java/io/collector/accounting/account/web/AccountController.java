package io.collector.accounting.account.web;

import io.collector.accounting.account.Account;
import io.collector.accounting.account.AccountManagement;
import io.collector.accounting.account.AccountType;
import io.collector.service.tenant.CurrentTenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class AccountController {

    private final AccountManagement accounts;

    AccountController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** An account of the chart; {@code normalBalance} is the side that increases it. */
    record AccountResponse(String code, String name, AccountType type, AccountType.Side normalBalance) {
        static AccountResponse of(Account account) {
            return new AccountResponse(account.code(), account.name(), account.type(), account.type().normalBalance());
        }
    }

    /** The tenant's chart of accounts by code (seeded on the tenant's first visit). */
    @GetMapping("/api/accounts")
    List<AccountResponse> chart() {
        return accounts.chart(CurrentTenant.id()).stream().map(AccountResponse::of).toList();
    }
}
