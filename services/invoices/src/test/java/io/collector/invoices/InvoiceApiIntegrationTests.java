package io.collector.invoices;

import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings, listing, bad requests, authentication and tenant isolation of the invoices API. */
class InvoiceApiIntegrationTests extends InvoicesIntegrationTest {

    final String tenant = newTenant();

    @Test
    void settingsStartAtTheDefaultsAndAChangeKeepsWhatItLeavesOut() {
        ApiClient api = api(tenant);
        assertThat(api.get("/api/invoice-settings").json().toString())
                .isEqualTo("{\"taxPercent\":\"0\",\"paymentTermsDays\":30,\"autoIssue\":false}");

        var changed = api.put("/api/invoice-settings", "{\"taxPercent\": 7.50, \"autoIssue\": true}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().toString()).isEqualTo("{\"taxPercent\":\"7.5\",\"paymentTermsDays\":30,\"autoIssue\":true}");
        assertThat(api.put("/api/invoice-settings", "{\"paymentTermsDays\": 14}").json().toString())
                .isEqualTo("{\"taxPercent\":\"7.5\",\"paymentTermsDays\":14,\"autoIssue\":true}");
        assertThat(api.get("/api/invoice-settings").json().toString())
                .isEqualTo("{\"taxPercent\":\"7.5\",\"paymentTermsDays\":14,\"autoIssue\":true}");
    }

    @Test
    void badSettingsAreBadRequestsNamingTheFieldsAndChangeNothing() {
        ApiClient api = api(tenant);
        settings(tenant, "{\"taxPercent\": \"20\"}");

        var response = api.put("/api/invoice-settings", "{\"taxPercent\": \"100.5\", \"paymentTermsDays\": -1}");
        var decimals = api.put("/api/invoice-settings", "{\"taxPercent\": \"7.12345\"}");
        var negative = api.put("/api/invoice-settings", "{\"taxPercent\": -1}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("taxPercent", "paymentTermsDays");
        assertThat(decimals.json().path("errors").findValuesAsString("field")).containsExactly("taxPercent");
        assertThat(negative.json().path("errors").findValuesAsString("field")).containsExactly("taxPercent");
        assertThat(api.get("/api/invoice-settings").json().path("taxPercent").asString()).isEqualTo("20");
    }

    @Test
    void listFiltersByStatusCustomerOrderAndDeliveryNote() {
        UUID customer = UUID.randomUUID();
        OrderCreated first = order(customer, line("Bolts", 1, "10.00"));
        OrderCreated second = order(customer, line("Nuts", 1, "20.00"));
        String draftId = invoiceFor(tenant, first).path("id").asString();
        String issuedId = invoiceFor(tenant, second).path("id").asString();
        draft(tenant, line("Other customer", 1, "1.00"));
        assertThat(issue(tenant, issuedId).status()).isEqualTo(200);

        assertThat(invoicesOf(tenant, "customerId=" + customer).findValuesAsString("id"))
                .containsExactlyInAnyOrder(draftId, issuedId);
        assertThat(invoicesOf(tenant, "customerId=" + customer + "&status=DRAFT").findValuesAsString("id"))
                .containsExactly(draftId);
        assertThat(invoicesOf(tenant, "status=ISSUED").findValuesAsString("id")).containsExactly(issuedId);
        assertThat(invoicesOf(tenant, "orderId=" + second.orderId()).findValuesAsString("id")).containsExactly(issuedId);
        assertThat(invoicesOf(tenant, "")).hasSize(3);
        assertThat(invoicesOf(tenant, "status=&customerId=")).hasSize(3);
        assertThat(invoicesOf(tenant, "limit=1")).hasSize(1);
    }

    @Test
    void badIdentifiersAndFiltersAreBadRequests() {
        ApiClient api = api(tenant);

        assertThat(api.get("/api/invoices/not-a-uuid").status()).isEqualTo(400);
        var status = api.get("/api/invoices?status=LOST");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().path("errors").findValuesAsString("field")).containsExactly("status");
        var customer = api.get("/api/invoices?customerId=nope");
        assertThat(customer.json().path("errors").findValuesAsString("field")).containsExactly("customerId");
        var limit = api.get("/api/invoices?limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("errors").findValuesAsString("field")).containsExactly("limit");
    }

    @Test
    void unknownInvoiceIsNotFound() {
        ApiClient api = api(tenant);
        String unknown = "/api/invoices/" + UUID.randomUUID();

        assertThat(api.get(unknown).status()).isEqualTo(404);
        assertThat(api.post(unknown + "/issue", null).status()).isEqualTo(404);
        assertThat(api.post(unknown + "/payments", "{\"amount\": \"1.00\", \"paymentDate\": \"2026-02-01T00:00:00Z\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void callerWithoutTokenIsUnauthorized() {
        ApiClient anonymous = ApiClient.anonymous(port);

        assertThat(anonymous.get("/api/invoices").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/invoice-settings").status()).isEqualTo(401);
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryInvoiceOfTheFirst() {
        JsonNode draft = draft(tenant, line("Bolts", 1, "100.00"));
        String draftId = draft.path("id").asString();
        String issuedId = issuedInvoice(tenant, line("Nuts", 1, "50.00")).path("id").asString();
        ApiClient intruder = api(newTenant());
        String payment = "{\"amount\": \"1.00\", \"paymentDate\": \"2026-02-01T00:00:00Z\"}";

        for (String id : List.of(draftId, issuedId)) {
            assertThat(intruder.get("/api/invoices/" + id).status()).isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + id + "/issue", null).status()).isEqualTo(404);
            assertThat(intruder.post("/api/invoices/" + id + "/payments", payment).status()).isEqualTo(404);
        }
        assertThat(intruder.get("/api/invoices").json()).isEmpty();
        assertThat(intruder.get("/api/invoices?customerId=" + draft.path("customerId").asString()).json()).isEmpty();
        assertThat(intruder.put("/api/invoice-settings", "{\"taxPercent\": \"50\"}").status()).isEqualTo(200);

        assertThat(invoice(tenant, draftId).path("status").asString()).isEqualTo("DRAFT");
        assertThat(invoice(tenant, issuedId).path("payments")).isEmpty();
        assertThat(api(tenant).get("/api/invoice-settings").json().path("taxPercent").asString()).isEqualTo("0");
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsInvoicesOrOrders() {
        String other = newTenant();
        settings(other, "{\"taxPercent\": \"10\"}");
        UUID customer = UUID.randomUUID();
        OrderCreated mine = order(customer, line("Bolts", 2, "10.00"));
        // The same order id in the other tenant, with other prices.
        OrderCreated theirs = new OrderCreated(mine.orderId(), mine.orderNumber(), customer, null,
                List.of(line("Gold", 1, "1000.00")), "USD", new BigDecimal("1000.00"));
        project(other, theirs);
        project(tenant, mine);
        DeliveryConfirmed delivery = delivered(mine);

        deliver(tenant, delivery);   // only this tenant's delivery

        JsonNode invoice = awaitInvoice(tenant, delivery.deliveryNoteId());
        assertThat(invoice.path("currency").asString()).isEqualTo("EUR");
        assertThat(invoice.path("grandTotal").asString()).isEqualTo("20.00");   // this tenant's prices and 0 % tax
        assertThat(issue(tenant, invoice.path("id").asString()).json().path("invoiceNumber").asString())
                .isEqualTo("INV-" + year() + "-001");

        // The other tenant's own delivery of "the same" order: its prices, its tax, its numbers.
        deliver(other, delivery);
        JsonNode theirInvoice = awaitInvoice(other, delivery.deliveryNoteId());
        assertThat(theirInvoice.path("id").asString()).isNotEqualTo(invoice.path("id").asString());
        assertThat(theirInvoice.path("currency").asString()).isEqualTo("USD");
        assertThat(theirInvoice.path("grandTotal").asString()).isEqualTo("1100.00");
        assertThat(issue(other, theirInvoice.path("id").asString()).json().path("invoiceNumber").asString())
                .isEqualTo("INV-" + year() + "-001");
        assertThat(invoicesOf(tenant, "")).hasSize(1);
        assertThat(invoicesOf(other, "")).hasSize(1);
        assertThat(invoice(tenant, invoice.path("id").asString()).path("grandTotal").asString()).isEqualTo("20.00");
    }
}
