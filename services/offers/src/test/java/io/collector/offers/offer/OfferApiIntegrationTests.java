package io.collector.offers.offer;

import io.collector.offers.OffersIntegrationTest;
import io.collector.service.testkit.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OfferApiIntegrationTests extends OffersIntegrationTest {

    @Test
    void createsAnOpenOfferWithServerComputedTotalsAndANumber() {
        String tenant = newTenant();
        UUID customer = UUID.randomUUID();
        UUID product = UUID.randomUUID();

        Response created = api(tenant).post("/api/offers", offerJson(customer, product, Instant.now().plus(7, ChronoUnit.DAYS)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode offer = created.json();
        assertThat(offer.path("number").asString()).isEqualTo("OFF-" + Year.now() + "-001");
        assertThat(offer.path("status").asString()).isEqualTo("OPEN");
        assertThat(offer.path("customerId").asString()).isEqualTo(customer.toString());
        assertThat(offer.path("subtotal").asString()).isEqualTo("1560.00");
        assertThat(offer.path("discountTotal").asString()).isEqualTo("150.00");
        assertThat(offer.path("taxTotal").asString()).isEqualTo("270.00");
        assertThat(offer.path("grandTotal").asString()).isEqualTo("1680.00");
        JsonNode chair = offer.path("lineItems").get(0);
        assertThat(chair.path("productId").asString()).isEqualTo(product.toString());
        assertThat(chair.path("quantity").asString()).isEqualTo("5");
        assertThat(chair.path("netAmount").asString()).isEqualTo("1350.00");
        assertThat(chair.path("total").asString()).isEqualTo("1620.00");
        JsonNode assembly = offer.path("lineItems").get(1);
        assertThat(assembly.has("productId")).isFalse();
        assertThat(assembly.path("quantity").asString()).isEqualTo("1.5");
        assertThat(assembly.path("total").asString()).isEqualTo("60.00");

        Response fetched = api(tenant).get("/api/offers/" + offer.path("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(offer);
    }

    @Test
    void numbersOffersPerTenantInSequence() {
        String tenant = newTenant();
        String other = newTenant();

        String first = api(tenant).post("/api/offers", offerJson()).json().path("number").asString();
        String second = api(tenant).post("/api/offers", offerJson()).json().path("number").asString();
        String otherFirst = api(other).post("/api/offers", offerJson()).json().path("number").asString();

        assertThat(first).isEqualTo("OFF-" + Year.now() + "-001");
        assertThat(second).isEqualTo("OFF-" + Year.now() + "-002");
        assertThat(otherFirst).isEqualTo("OFF-" + Year.now() + "-001");
    }

    @Test
    void listsOffersByStatusWithExpiredDerivedFromValidUntil() {
        String tenant = newTenant();
        String open = id(api(tenant).post("/api/offers", offerJson()));
        String approved = id(api(tenant).post("/api/offers", offerJson()));
        String rejected = id(api(tenant).post("/api/offers", offerJson()));
        String expired = id(api(tenant).post("/api/offers",
                offerJson(UUID.randomUUID(), UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.DAYS))));
        assertThat(api(tenant).post("/api/offers/" + approved + "/approve", null).status()).isEqualTo(200);
        assertThat(api(tenant).post("/api/offers/" + rejected + "/reject", "{\"reason\": \"too expensive\"}").status()).isEqualTo(200);

        assertThat(ids(api(tenant).get("/api/offers"))).containsExactly(expired, rejected, approved, open);
        assertThat(ids(api(tenant).get("/api/offers?status=OPEN"))).containsExactly(open);
        assertThat(ids(api(tenant).get("/api/offers?status=APPROVED"))).containsExactly(approved);
        assertThat(ids(api(tenant).get("/api/offers?status=REJECTED"))).containsExactly(rejected);
        assertThat(ids(api(tenant).get("/api/offers?status=EXPIRED"))).containsExactly(expired);
        assertThat(api(tenant).get("/api/offers/" + expired).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(api(tenant).get("/api/offers/" + rejected).json().path("rejectionReason").asString()).isEqualTo("too expensive");
        assertThat(api(tenant).get("/api/offers?status=SOMETHING").status()).isEqualTo(400);
    }

    @Test
    void invalidOfferIsRefusedWithEveryFieldPathAndNothingIsWritten() {
        String tenant = newTenant();
        String invalid = """
                {"customerId": null, "currency": "eur",
                 "lineItems": [
                   {"description": " ", "quantity": 0, "unitPrice": -1, "discountPercent": 101, "taxPercent": -5},
                   {"description": "ok", "quantity": "1.23456", "unitPrice": "1.001"}
                 ]}""";

        Response response = api(tenant).post("/api/offers", invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("customerId", "currency", "validUntil",
                "lineItems[0].description", "lineItems[0].quantity", "lineItems[0].unitPrice",
                "lineItems[0].discountPercent", "lineItems[0].taxPercent",
                "lineItems[1].quantity", "lineItems[1].unitPrice");
        assertThat(rows("offers", tenant)).isZero();
        assertThat(rows("offer_lines", tenant)).isZero();
        assertThat(api(tenant).get("/api/offers").json().size()).isZero();
    }

    @Test
    void offerWithoutLinesIsRefused() {
        String tenant = newTenant();

        Response response = api(tenant).post("/api/offers", """
                {"customerId": "%s", "currency": "EUR", "validUntil": "2030-01-01T00:00:00Z", "lineItems": []}"""
                .formatted(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("lineItems");
        assertThat(rows("offers", tenant)).isZero();
    }

    @Test
    void anotherTenantSeesNoneOfTheOffersAndCannotDecideThem() {
        String owner = newTenant();
        String intruder = newTenant();
        String id = id(api(owner).post("/api/offers", offerJson()));

        assertThat(api(intruder).get("/api/offers/" + id).status()).isEqualTo(404);
        assertThat(api(intruder).post("/api/offers/" + id + "/approve", null).status()).isEqualTo(404);
        assertThat(api(intruder).post("/api/offers/" + id + "/reject", null).status()).isEqualTo(404);
        assertThat(api(intruder).get("/api/offers").json().size()).isZero();
        assertThat(api(owner).get("/api/offers/" + id).json().path("status").asString()).isEqualTo("OPEN");
        assertThat(rows("outbox", intruder) + rows("outbox", owner)).isZero();
    }

    @Test
    void unknownOfferIsNotFoundAndAMalformedIdIsABadRequest() {
        String tenant = newTenant();

        assertThat(api(tenant).get("/api/offers/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api(tenant).get("/api/offers/not-a-uuid").status()).isEqualTo(400);
    }

    private static String id(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(offer -> ids.add(offer.path("id").asString()));
        return ids;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
