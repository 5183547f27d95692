package io.collector.accounting;

import io.collector.events.payload.InvoiceIssued;
import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/journal-entries: filters, one entry, and precise 400s for bad parameters. */
class JournalApiIntegrationTests extends AccountingIntegrationTest {

    @Test
    void entriesAreFilteredByPostingTimeInclusiveAndBySource() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "10.00", "2.00", "12.00");
        deliver(tenant, invoice);
        JsonNode entry = awaitEntry(tenant, invoice.invoiceNumber());
        String postedAt = entry.path("postedAt").asString();
        Instant posted = Instant.parse(postedAt);

        assertThat(list(tenant, "?from=" + postedAt + "&to=" + postedAt)).hasSize(1);
        assertThat(list(tenant, "?from=" + posted.plusSeconds(1))).isEmpty();
        assertThat(list(tenant, "?to=" + posted.minusSeconds(1))).isEmpty();
        assertThat(list(tenant, "?from=" + posted.minusSeconds(86_400).toString().substring(0, 10))).hasSize(1);
        assertThat(list(tenant, "?to=" + postedAt.substring(0, 10))).hasSize(1);
        assertThat(list(tenant, "")).hasSize(1);
        assertThat(list(tenant, "?sourceReference=INV-unknown")).isEmpty();
        assertThat(list(tenant, "?limit=1")).hasSize(1);
    }

    @Test
    void oneEntryByIdWithItsLines() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "10.00", "2.00", "12.00");
        deliver(tenant, invoice);
        JsonNode listed = awaitEntry(tenant, invoice.invoiceNumber());

        var response = api(tenant).get("/api/journal-entries/" + listed.path("id").asString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(listed);
        assertThat(api(tenant).get("/api/journal-entries/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badQueryParametersAreAnsweredWithTheParameterAtFault() {
        String tenant = newTenant();

        assertBadParameter(api(tenant).get("/api/journal-entries?from=yesterday"), "from");
        assertBadParameter(api(tenant).get("/api/journal-entries?to=2024-13-01"), "to");
        assertBadParameter(api(tenant).get("/api/journal-entries?from=2024-02-01&to=2024-01-31"), "to");
        assertBadParameter(api(tenant).get("/api/journal-entries?limit=0"), "limit");
        assertBadParameter(api(tenant).get("/api/journal-entries?limit=1001"), "limit");
        assertBadParameter(api(tenant).get("/api/journal-entries?limit=many"), "limit");
        assertBadParameter(api(tenant).get("/api/journal-entries?sourceReference=" + "x".repeat(201)), "sourceReference");
        assertBadParameter(api(tenant).get("/api/journal-entries/not-a-uuid"), "id");
        assertBadParameter(api(tenant).get("/api/trial-balance?currency=usd"), "currency");
        assertThat(list(tenant, "")).isEmpty();
    }

    @Test
    void callsWithoutATokenAreUnauthorized() {
        assertThat(ApiClient.anonymous(port).get("/api/journal-entries").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/trial-balance").status()).isEqualTo(401);
    }

    private JsonNode list(String tenant, String query) {
        var response = api(tenant).get("/api/journal-entries" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertBadParameter(ApiClient.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors")).as(response.toString()).isNotEmpty();
        assertThat(response.json().path("errors").get(0).path("field").asString()).as(response.toString()).isEqualTo(parameter);
    }
}
