package io.collector.accounting;

import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.PayrollProcessed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The chart, account balances and the trial balance over HTTP. */
class LedgerIntegrationTests extends AccountingIntegrationTest {

    @Test
    void aNewTenantGetsTheStandardChartOnItsFirstCall() {
        String tenant = newTenant();

        var response = api(tenant).get("/api/accounts");

        assertThat(response.status()).isEqualTo(200);
        List<String> chart = new ArrayList<>();
        response.json().forEach(a -> chart.add(a.path("code").asString() + " " + a.path("name").asString() + " "
                + a.path("type").asString() + " " + a.path("normalBalance").asString()));
        assertThat(chart).containsExactly(
                "1000 Bank ASSET DEBIT",
                "1200 Accounts receivable ASSET DEBIT",
                "2000 Accounts payable LIABILITY CREDIT",
                "2100 Tax payable LIABILITY CREDIT",
                "2300 Payroll liabilities LIABILITY CREDIT",
                "3000 Retained earnings EQUITY CREDIT",
                "4000 Revenue REVENUE CREDIT",
                "6000 Salaries expense EXPENSE DEBIT");
        assertThat(api(tenant).get("/api/accounts").json()).hasSize(8);
        assertThat(rows("accounts", tenant)).isEqualTo(8);
    }

    @Test
    void anAccountNeverPostedHasNoBalancesAndAnUnknownCodeIsNotFound() {
        String tenant = newTenant();

        JsonNode bank = balance(tenant, "1000");
        var unknown = api(tenant).get("/api/accounts/9999/balance");

        assertThat(bank.path("code").asString()).isEqualTo("1000");
        assertThat(bank.path("balances")).isEmpty();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asString()).contains("9999");
    }

    @Test
    void trialBalanceBalancesPerCurrencyAfterAllPostings() {
        String tenant = newTenant();
        InvoiceIssued usdInvoice = invoice("USD", "1250.00", "250.00", "1500.00");
        InvoiceIssued eurInvoice = invoice("EUR", "100.00", "19.00", "119.00");
        PayrollProcessed payroll = payroll("USD", "50000.00");
        deliver(tenant, usdInvoice);
        deliver(tenant, eurInvoice);
        deliver(tenant, payroll);
        deliver(tenant, payment(usdInvoice, "1500.00"));
        await().atMost(WAIT).until(() -> rows("journal_entries", tenant) == 4);

        JsonNode trialBalance = api(tenant).get("/api/trial-balance").json();

        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        JsonNode currencies = trialBalance.path("currencies");
        assertThat(currencies).hasSize(2);
        JsonNode eur = currencies.get(0);
        assertThat(eur.path("currency").asString()).isEqualTo("EUR");
        assertThat(eur.path("totalDebit").asString()).isEqualTo("119.00");
        assertThat(eur.path("totalCredit").asString()).isEqualTo("119.00");
        assertThat(eur.path("balanced").asBoolean()).isTrue();
        JsonNode usd = currencies.get(1);
        assertThat(usd.path("currency").asString()).isEqualTo("USD");
        // 1500 (AR) + 50000 (salaries) + 1500 (bank) on each side.
        assertThat(usd.path("totalDebit").asString()).isEqualTo("53000.00");
        assertThat(usd.path("totalCredit").asString()).isEqualTo("53000.00");
        assertThat(usd.path("balanced").asBoolean()).isTrue();
        List<String> accounts = new ArrayList<>();
        usd.path("accounts").forEach(a -> accounts.add(a.path("code").asString() + " " + a.path("debit").asString()
                + " " + a.path("credit").asString() + " " + a.path("balance").asString()));
        assertThat(accounts).containsExactly(
                "1000 1500.00 0.00 1500.00",
                "1200 1500.00 1500.00 0.00",
                "2100 0.00 250.00 250.00",
                "2300 0.00 50000.00 50000.00",
                "4000 0.00 1250.00 1250.00",
                "6000 50000.00 0.00 50000.00");
        assertThat(usd.path("accounts").get(0).path("name").asString()).isEqualTo("Bank");
        assertThat(usd.path("accounts").get(0).path("type").asString()).isEqualTo("ASSET");

        JsonNode onlyEur = api(tenant).get("/api/trial-balance?currency=EUR").json();
        assertThat(onlyEur.path("currencies")).hasSize(1);
        assertThat(onlyEur.path("currencies").get(0).path("currency").asString()).isEqualTo("EUR");

        JsonNode receivable = balance(tenant, "1200");
        List<String> balances = new ArrayList<>();
        receivable.path("balances").forEach(b -> balances.add(b.path("currency").asString() + " " + b.path("balance").asString()));
        assertThat(balances).containsExactly("EUR 119.00", "USD 0.00");
    }
}
