package io.collector.crm;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers and their addresses over HTTP. */
class CustomerApiIntegrationTests extends CrmIntegrationTest {

    @Test
    void createdCustomerWithAddressesIsReadBackWithTheIdsItWasGiven() {
        String tenant = newTenant();

        var created = api(tenant).post("/api/customers", """
                {"name": "ACME GmbH", "email": "billing@acme.example", "phone": "+49 30 1234567", "addresses": [
                  {"label": "HQ", "line1": "Main St 1", "line2": "3rd floor", "postalCode": "10115", "city": "Berlin", "country": "DE"},
                  {"line1": "Rue de Rivoli 2", "postalCode": "75001", "city": "Paris", "country": "fr"}]}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        List<String> addressIds = StreamSupport.stream(body.path("addresses").spliterator(), false)
                .map(a -> a.path("id").asString()).toList();
        assertThat(addressIds).hasSize(2).doesNotContain("").doesNotHaveDuplicates();
        assertThat(body.path("known").asBoolean()).isTrue();
        assertThat(body.path("balances")).isEmpty();
        assertThat(body.path("paymentCount").asInt()).isZero();

        JsonNode read = customer(tenant, UUID.fromString(id));
        assertThat(read).isEqualTo(body);
        assertThat(read.path("name").asString()).isEqualTo("ACME GmbH");
        assertThat(read.path("email").asString()).isEqualTo("billing@acme.example");
        assertThat(read.path("phone").asString()).isEqualTo("+49 30 1234567");
        JsonNode hq = read.path("addresses").get(0);
        assertThat(hq.path("id").asString()).isEqualTo(addressIds.get(0));
        assertThat(hq.path("label").asString()).isEqualTo("HQ");
        assertThat(hq.path("line1").asString()).isEqualTo("Main St 1");
        assertThat(hq.path("line2").asString()).isEqualTo("3rd floor");
        assertThat(hq.path("postalCode").asString()).isEqualTo("10115");
        assertThat(hq.path("city").asString()).isEqualTo("Berlin");
        assertThat(hq.path("country").asString()).isEqualTo("DE");
        JsonNode paris = read.path("addresses").get(1);
        assertThat(paris.path("id").asString()).isEqualTo(addressIds.get(1));
        assertThat(paris.has("label")).as("absent optional fields are left out").isFalse();
        assertThat(paris.has("line2")).isFalse();
        assertThat(paris.path("country").asString()).isEqualTo("FR");
        assertThat(names(api(tenant).get("/api/customers").json())).containsExactly("ACME GmbH");
    }

    @Test
    void listIsByNameAndSearchesPartOfTheNameInAnyCase() {
        String tenant = newTenant();
        createCustomer(tenant, "Beta AG");
        createCustomer(tenant, "acme corp");
        createCustomer(tenant, "ACME GmbH");
        createCustomer(tenant, "100%_Club");

        assertThat(names(api(tenant).get("/api/customers").json()))
                .containsExactly("100%_Club", "acme corp", "ACME GmbH", "Beta AG");
        assertThat(names(api(tenant).get("/api/customers?q=AcMe").json())).containsExactly("acme corp", "ACME GmbH");
        assertThat(names(api(tenant).get("/api/customers?q=%25_").json()))
                .as("LIKE wildcards in q are literal").containsExactly("100%_Club");
        assertThat(names(api(tenant).get("/api/customers?q=zeta").json())).isEmpty();
        assertThat(names(api(tenant).get("/api/customers?limit=2").json())).containsExactly("100%_Club", "acme corp");
    }

    @Test
    void invalidCustomerIsRejectedWithItsFieldPathsAndNothingIsWritten() {
        String tenant = newTenant();

        var response = api(tenant).post("/api/customers", """
                {"email": "not-an-email", "addresses": [
                  {"line1": "Main St 1", "postalCode": "10115", "city": "Berlin", "country": "XX"},
                  {"line1": " ", "postalCode": "75001", "city": "Paris", "country": "FR"},
                  {"line1": "Somewhere 1", "postalCode": "1000", "city": "Vienna"}]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response.json())).containsExactlyInAnyOrder(
                "name", "email", "addresses[0].country", "addresses[1].line1", "addresses[2].country");
        assertThat(api(tenant).get("/api/customers").json()).isEmpty();
        assertThat(count("customers", tenant)).isZero();
        assertThat(count("customer_addresses", tenant)).isZero();
    }

    @Test
    void aCountryThatIsNotAnIsoAlpha2CodeIsRejected() {
        String tenant = newTenant();

        for (String country : List.of("DEU", "Germany", "")) {
            var response = api(tenant).post("/api/customers", """
                    {"name": "ACME", "addresses": [{"line1": "Main St 1", "postalCode": "10115", "city": "Berlin", "country": "%s"}]}"""
                    .formatted(country));
            assertThat(response.status()).as(country).isEqualTo(400);
            assertThat(fields(response.json())).containsExactly("addresses[0].country");
        }
        var withoutAddresses = api(tenant).post("/api/customers", """
                {"name": "ACME"}""");
        assertThat(withoutAddresses.status()).isEqualTo(400);
        assertThat(fields(withoutAddresses.json())).containsExactly("addresses");
        assertThat(count("customers", tenant)).isZero();
    }

    @Test
    void unknownCustomerIsNotFound() {
        String tenant = newTenant();
        UUID unknown = UUID.randomUUID();

        var customer = api(tenant).get("/api/customers/" + unknown);
        var payments = api(tenant).get("/api/customers/" + unknown + "/payments");

        assertThat(customer.status()).isEqualTo(404);
        assertThat(customer.json().path("title").asString()).isEqualTo("Not found");
        assertThat(payments.status()).isEqualTo(404);
        assertThat(api(tenant).get("/api/customers/not-a-uuid").status()).isEqualTo(400);
    }

    static List<String> names(JsonNode customers) {
        return StreamSupport.stream(customers.spliterator(), false).map(c -> c.path("name").asString()).toList();
    }
}
