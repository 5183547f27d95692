package io.collector.accounting.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tenants' charts of accounts. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many of these codes the tenant's chart has. */
    int countExisting(String tenantId, Collection<String> codes) {
        return jdbc.sql("select count(*) from accounts where tenant_id = :tenant and code in (:codes)")
                .param("tenant", tenantId)
                .param("codes", codes)
                .query(Integer.class)
                .single();
    }

    /** Adds the accounts the chart does not have yet; concurrent seeding of one tenant is harmless. */
    void insertMissing(String tenantId, List<Account> accounts, Instant now) {
        for (Account account : accounts) {
            jdbc.sql("""
                            insert into accounts (tenant_id, code, name, type, created_at)
                            values (:tenant, :code, :name, :type, :now)
                            on conflict (tenant_id, code) do nothing""")
                    .param("tenant", tenantId)
                    .param("code", account.code())
                    .param("name", account.name())
                    .param("type", account.type().name())
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    List<Account> all(String tenantId) {
        return jdbc.sql("select code, name, type from accounts where tenant_id = :tenant order by code")
                .param("tenant", tenantId)
                .query(AccountRepository::map)
                .list();
    }

    Optional<Account> find(String tenantId, String code) {
        return jdbc.sql("select code, name, type from accounts where tenant_id = :tenant and code = :code")
                .param("tenant", tenantId)
                .param("code", code)
                .query(AccountRepository::map)
                .optional();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("code"), rs.getString("name"), AccountType.valueOf(rs.getString("type")));
    }
}
