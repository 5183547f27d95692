package io.collector.accounting.account;

import java.util.List;

/**
 * The chart of accounts every tenant starts with. The posting rules use the codes below; a tenant's
 * chart is seeded with all of them the first time the tenant is seen, and an account added here later
 * is added to existing tenants on their next visit.
 */
public final class StandardChart {

    public static final String BANK = "1000";
    public static final String ACCOUNTS_RECEIVABLE = "1200";
    public static final String ACCOUNTS_PAYABLE = "2000";
    public static final String TAX_PAYABLE = "2100";
    public static final String PAYROLL_LIABILITIES = "2300";
    public static final String RETAINED_EARNINGS = "3000";
    public static final String REVENUE = "4000";
    public static final String SALARIES_EXPENSE = "6000";

    public static final List<Account> ACCOUNTS = List.of(
            new Account(BANK, "Bank", AccountType.ASSET),
            new Account(ACCOUNTS_RECEIVABLE, "Accounts receivable", AccountType.ASSET),
            new Account(ACCOUNTS_PAYABLE, "Accounts payable", AccountType.LIABILITY),
            new Account(TAX_PAYABLE, "Tax payable", AccountType.LIABILITY),
            new Account(PAYROLL_LIABILITIES, "Payroll liabilities", AccountType.LIABILITY),
            new Account(RETAINED_EARNINGS, "Retained earnings", AccountType.EQUITY),
            new Account(REVENUE, "Revenue", AccountType.REVENUE),
            new Account(SALARIES_EXPENSE, "Salaries expense", AccountType.EXPENSE));

    private StandardChart() {
    }
}
