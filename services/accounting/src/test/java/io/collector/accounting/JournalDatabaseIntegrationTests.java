package io.collector.accounting;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database holds double entry too: whatever writes to it, an unbalanced entry never commits. */
class JournalDatabaseIntegrationTests extends AccountingIntegrationTest {

    @Test
    void anUnbalancedEntryWrittenBehindTheServicesBackIsRefusedAtCommit() {
        String tenant = newTenant();
        api(tenant).get("/api/accounts");
        UUID entry = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            insertEntry(tenant, entry);
            insertLine(tenant, entry, 1, "1200", "100.00", "0.00", "USD");
            insertLine(tenant, entry, 2, "4000", "0.00", "90.00", "USD");
        })).hasMessageContaining("does not balance").hasMessageContaining("USD debits 100.00, credits 90.00");

        assertThat(rows("journal_entries", tenant)).isZero();
    }

    @Test
    void anEntryMustBalanceInEachCurrencyAndHaveLines() {
        String tenant = newTenant();
        api(tenant).get("/api/accounts");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            UUID entry = UUID.randomUUID();
            insertEntry(tenant, entry);
            insertLine(tenant, entry, 1, "1200", "100.00", "0.00", "USD");
            insertLine(tenant, entry, 2, "4000", "0.00", "100.00", "EUR");
        })).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> insertEntry(tenant, UUID.randomUUID())))
                .hasMessageContaining("needs at least two");

        assertThat(rows("journal_entries", tenant)).isZero();
    }

    @Test
    void aBalancedEntryCommitsButCanNeverBeChangedOrRemoved() {
        String tenant = newTenant();
        api(tenant).get("/api/accounts");
        UUID entry = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            insertEntry(tenant, entry);
            insertLine(tenant, entry, 1, "1200", "100.00", "0.00", "USD");
            insertLine(tenant, entry, 2, "4000", "0.00", "100.00", "USD");
        });

        assertThatThrownBy(() -> jdbc.sql("update journal_lines set debit = 1000 where entry_id = ? and line_no = 1")
                .param(entry).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_entries where id = ?").param(entry).update())
                .hasMessageContaining("append-only");
        assertThat(rows("journal_lines", tenant)).isEqualTo(2);
    }

    private void insertEntry(String tenant, UUID id) {
        jdbc.sql("""
                        insert into journal_entries (id, tenant_id, entry_number, posted_at, occurred_at, description,
                                                     source_event_id, source_event_type, source_reference)
                        values (?, ?, ?, now(), now(), 'by hand', ?, 'manual', ?)""")
                .params(id, tenant, "MANUAL-" + id, UUID.randomUUID().toString(), id.toString())
                .update();
    }

    private void insertLine(String tenant, UUID entry, int no, String account, String debit, String credit, String currency) {
        jdbc.sql("""
                        insert into journal_lines (tenant_id, entry_id, line_no, account_code, debit, credit, currency)
                        values (?, ?, ?, ?, ?::numeric, ?::numeric, ?)""")
                .params(tenant, entry, no, account, debit, credit, currency)
                .update();
    }
}
