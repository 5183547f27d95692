package io.collector.accounting;

import io.collector.events.payload.InvoiceIssued;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Another tenant neither sees nor changes this tenant's books. */
class TenantIsolationIntegrationTests extends AccountingIntegrationTest {

    @Test
    void anotherTenantSeesNoneOfTheFirstTenantsBooks() {
        String owner = newTenant();
        String other = newTenant();
        InvoiceIssued invoice = invoice("USD", "1250.00", "250.00", "1500.00");
        deliver(owner, invoice);
        JsonNode entry = awaitEntry(owner, invoice.invoiceNumber());

        assertThat(api(other).get("/api/journal-entries/" + entry.path("id").asString()).status()).isEqualTo(404);
        assertThat(api(other).get("/api/journal-entries").json()).isEmpty();
        assertThat(entries(other, invoice.invoiceNumber())).isEmpty();
        assertThat(entries(other, invoice.invoiceId().toString())).isEmpty();
        assertThat(balance(other, "1200").path("balances")).isEmpty();
        JsonNode trialBalance = api(other).get("/api/trial-balance").json();
        assertThat(trialBalance.path("currencies")).isEmpty();
        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        assertThat(api(other).get("/api/accounts").json()).hasSize(8);
        assertThat(balanceIn(owner, "1200", "USD")).isEqualTo("1500.00");
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsBooks() {
        String a = newTenant();
        String b = newTenant();
        InvoiceIssued invoiceOfB = invoice("USD", "10.00", "0.00", "10.00");
        deliver(b, invoiceOfB);
        awaitEntry(b, invoiceOfB.invoiceNumber());
        JsonNode booksOfB = api(b).get("/api/trial-balance").json();

        // Tenant A's events, one of them about an invoice with the same id as B's.
        deliver(a, invoiceOfB);
        deliver(a, payment(invoiceOfB, "10.00"));
        deliver(a, payroll("USD", "100.00"));
        await().atMost(WAIT).until(() -> rows("journal_entries", a) == 3);

        assertThat(api(b).get("/api/trial-balance").json()).isEqualTo(booksOfB);
        assertThat(rows("journal_entries", b)).isEqualTo(1);
        assertThat(rows("journal_lines", b)).isEqualTo(2);
        assertThat(balanceIn(b, "1200", "USD")).isEqualTo("10.00");
        assertThat(balanceIn(a, "1200", "USD")).isEqualTo("0.00");
        assertThat(jdbc.sql("select count(*) from journal_lines l join journal_entries e on e.id = l.entry_id"
                + " where l.tenant_id <> e.tenant_id").query(Long.class).single()).isZero();
    }

    @Test
    void eventsSeedTheChartOfTheirOwnTenantOnly() {
        String a = newTenant();
        String untouched = newTenant();

        deliver(a, payroll("EUR", "1000.00"));

        await().atMost(WAIT).until(() -> rows("journal_entries", a) == 1);
        assertThat(rows("accounts", a)).isEqualTo(8);
        assertThat(rows("accounts", untouched)).isZero();
    }
}
