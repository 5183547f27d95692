package io.collector.accounting.account;

import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Use cases of the chart of accounts. A tenant's chart is seeded with the {@link StandardChart} the
 * first time the tenant is seen, by an event or an API call, so every tenant always has one.
 */
@Service
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);
    private static final List<String> STANDARD_CODES = StandardChart.ACCOUNTS.stream().map(Account::code).toList();

    private final AccountRepository accounts;
    private final Clock clock = Clock.systemUTC();

    AccountManagement(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Seeds the tenant's chart with whatever standard accounts it lacks (all of them for a new tenant). */
    @Transactional
    public void ensureChart(String tenantId) {
        if (accounts.countExisting(tenantId, STANDARD_CODES) < STANDARD_CODES.size()) {
            accounts.insertMissing(tenantId, StandardChart.ACCOUNTS, Instant.now(clock));
            log.info("Seeded the chart of accounts of tenant {}", tenantId);
        }
    }

    /** The tenant's chart, by code. */
    @Transactional
    public List<Account> chart(String tenantId) {
        ensureChart(tenantId);
        return accounts.all(tenantId);
    }

    /** One account of the tenant's chart; an unknown code is a 404. */
    @Transactional
    public Account account(String tenantId, String code) {
        ensureChart(tenantId);
        return accounts.find(tenantId, code).orElseThrow(() -> new NotFoundException("Account", code));
    }
}
