package io.collector.accounting.ledger;

import io.collector.accounting.account.Account;
import io.collector.accounting.account.AccountType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Totals per account and currency, summed from the journal's lines: the journal is the one record of
 * what was posted, so no balance table can drift from it.
 */
@Repository
class LedgerRepository {

    private static final String TOTALS = """
            select a.code, a.name, a.type, l.currency, sum(l.debit) as debit, sum(l.credit) as credit
            from journal_lines l
            join accounts a on a.tenant_id = l.tenant_id and a.code = l.account_code
            where l.tenant_id = :tenant
            """;
    private static final String GROUPED = " group by a.code, a.name, a.type, l.currency order by l.currency, a.code";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AccountTotals> totalsOfAccount(String tenantId, String code) {
        return jdbc.sql(TOTALS + " and l.account_code = :code" + GROUPED)
                .param("tenant", tenantId)
                .param("code", code)
                .query(LedgerRepository::map)
                .list();
    }

    List<AccountTotals> totals(String tenantId, String currency) {
        return jdbc.sql(TOTALS + (currency == null ? "" : " and l.currency = :currency") + GROUPED)
                .param("tenant", tenantId)
                .param("currency", currency)
                .query(LedgerRepository::map)
                .list();
    }

    private static AccountTotals map(ResultSet rs, int row) throws SQLException {
        Account account = new Account(rs.getString("code"), rs.getString("name"), AccountType.valueOf(rs.getString("type")));
        return new AccountTotals(account, rs.getString("currency"), rs.getBigDecimal("debit"), rs.getBigDecimal("credit"));
    }
}
