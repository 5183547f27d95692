package io.collector.delivery;

import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests, authentication and tenant isolation of the delivery notes API. */
class DeliveryApiIntegrationTests extends DeliveryIntegrationTest {

    final String tenant = newTenant();
    final UUID bolts = UUID.randomUUID();
    final UUID north = UUID.randomUUID();

    @Test
    void badDispatchRequestIsABadRequestNamingTheFieldsAndNothingIsWritten() {
        String noteId = noteForNewOrder(tenant, bolts).path("id").asString();

        var response = api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch",
                "{\"warehouseId\": \"%s\", \"trackingNumber\": \"   \"}".formatted(north));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("trackingNumber");
        assertThat(api(tenant).get("/api/delivery-notes/" + noteId).json().path("status").asString()).isEqualTo("CREATED");
        assertThat(outboxCount(tenant, "delivery.dispatched")).isZero();
    }

    @Test
    void badConfirmRequestIsABadRequestNamingTheFieldAndNothingIsWritten() {
        String noteId = noteForNewOrder(tenant, bolts).path("id").asString();
        api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch", "{\"warehouseId\": \"%s\"}".formatted(north));

        var response = api(tenant).post("/api/delivery-notes/" + noteId + "/confirm", "{\"proofOfDeliveryUrl\": \"not a url\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("proofOfDeliveryUrl");
        assertThat(api(tenant).get("/api/delivery-notes/" + noteId).json().path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(outboxCount(tenant, "delivery.confirmed")).isZero();
    }

    @Test
    void badIdentifiersAndFiltersAreBadRequests() {
        ApiClient api = api(tenant);

        assertThat(api.get("/api/delivery-notes/not-a-uuid").status()).isEqualTo(400);
        var status = api.get("/api/delivery-notes?status=LOST");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().path("errors").findValuesAsString("field")).containsExactly("status");
        var limit = api.get("/api/delivery-notes?limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("errors").findValuesAsString("field")).containsExactly("limit");
        var body = api.post("/api/delivery-notes/" + UUID.randomUUID() + "/dispatch", "{\"carrierId\": \"nope\"}");
        assertThat(body.status()).isEqualTo(400);
    }

    @Test
    void unknownNoteIsNotFound() {
        ApiClient api = api(tenant);
        String unknown = "/api/delivery-notes/" + UUID.randomUUID();

        assertThat(api.get(unknown).status()).isEqualTo(404);
        assertThat(api.post(unknown + "/dispatch", null).status()).isEqualTo(404);
        assertThat(api.post(unknown + "/confirm", null).status()).isEqualTo(404);
    }

    @Test
    void callerWithoutTokenIsUnauthorized() {
        assertThat(ApiClient.anonymous(port).get("/api/delivery-notes").status()).isEqualTo(401);
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryNoteOfTheFirst() {
        String noteId = noteForNewOrder(tenant, bolts).path("id").asString();
        ApiClient intruder = api(newTenant());

        assertThat(intruder.get("/api/delivery-notes/" + noteId).status()).isEqualTo(404);
        assertThat(intruder.post("/api/delivery-notes/" + noteId + "/dispatch", "{\"warehouseId\": \"%s\"}".formatted(north))
                .status()).isEqualTo(404);
        assertThat(intruder.post("/api/delivery-notes/" + noteId + "/confirm", null).status()).isEqualTo(404);
        assertThat(intruder.get("/api/delivery-notes").json()).isEmpty();
        assertThat(api(tenant).get("/api/delivery-notes/" + noteId).json().path("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsNotesOrOrders() {
        String other = newTenant();
        UUID orderId = UUID.randomUUID();
        deliver(other, orderConfirmed(orderId, bolts));
        JsonNode othersNote = awaitNote(other, orderId);

        // The same order id in this tenant: its own note, and its order.created with a warehouse.
        deliver(tenant, orderConfirmed(orderId, bolts));
        deliver(tenant, orderCreated(orderId, bolts, north));
        JsonNode mine = awaitNote(tenant, orderId);
        awaitOrderProjected(tenant, orderId);

        assertThat(mine.path("id").asString()).isNotEqualTo(othersNote.path("id").asString());
        assertThat(notesOfOrder(other, orderId)).hasSize(1);
        // This tenant's order named a warehouse, the other tenant's did not: its dispatch still lacks one.
        var othersDispatch = api(other).post("/api/delivery-notes/" + othersNote.path("id").asString() + "/dispatch", null);
        assertThat(othersDispatch.status()).as(othersDispatch.toString()).isEqualTo(422);
        var myDispatch = api(tenant).post("/api/delivery-notes/" + mine.path("id").asString() + "/dispatch", null);
        assertThat(myDispatch.status()).as(myDispatch.toString()).isEqualTo(200);
        assertThat(api(other).get("/api/delivery-notes/" + othersNote.path("id").asString()).json().path("status").asString())
                .isEqualTo("CREATED");
    }
}
