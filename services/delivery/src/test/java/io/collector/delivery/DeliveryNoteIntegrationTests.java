package io.collector.delivery;

import io.collector.service.testkit.EventCapture;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderConfirmed;
import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order.confirmed → note → dispatch → confirm, over HTTP and the real broker and database. */
class DeliveryNoteIntegrationTests extends DeliveryIntegrationTest {

    final String tenant = newTenant();
    final UUID bolts = UUID.randomUUID();
    final UUID nuts = UUID.randomUUID();
    final UUID north = UUID.randomUUID();
    final UUID south = UUID.randomUUID();

    @Test
    void confirmedOrderGetsADeliveryNote() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed order = orderConfirmed(orderId, bolts, nuts);

        deliver(tenant, order);

        JsonNode note = awaitNote(tenant, orderId);
        assertThat(note.path("deliveryNumber").asString()).matches("DN-\\d{4}-\\d{3,}");
        assertThat(note.path("status").asString()).isEqualTo("CREATED");
        assertThat(note.path("orderNumber").asString()).isEqualTo(order.orderNumber());
        assertThat(note.path("customerId").asString()).isEqualTo(order.customerId().toString());
        assertThat(note.path("shippingAddressId").asString()).isEqualTo(order.shippingAddressId().toString());
        assertThat(note.path("items")).hasSize(2);
        assertThat(note.path("items").get(0).path("productId").asString()).isEqualTo(bolts.toString());
        assertThat(note.path("items").get(0).path("quantity").asInt()).isEqualTo(5);
        assertThat(note.path("items").get(0).path("unit").asString()).isEqualTo("pcs");
        assertThat(note.path("items").get(0).path("description").asString()).startsWith("Product ");
        var byId = api(tenant).get("/api/delivery-notes/" + note.path("id").asString());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("deliveryNumber").asString()).isEqualTo(note.path("deliveryNumber").asString());
    }

    @Test
    void redeliveredOrderConfirmedHasNoSecondEffect() {
        UUID orderId = UUID.randomUUID();
        EventEnvelope<OrderConfirmed> event = deliver(tenant, orderConfirmed(orderId, bolts));
        String number = awaitNote(tenant, orderId).path("deliveryNumber").asString();

        double duplicatesBefore = duplicates("order.confirmed");

        redeliver(event);
        // Waited for by the inbox's verdict: a later event's note would say nothing (two batch threads per queue).
        await().atMost(WAIT).until(() -> duplicates("order.confirmed") > duplicatesBefore);

        JsonNode notes = notesOfOrder(tenant, orderId);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).path("deliveryNumber").asString()).isEqualTo(number);
    }

    @Test
    void republishedOrderConfirmedWithANewEventIdStillMakesOneNote() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed order = orderConfirmed(orderId, bolts);
        EventEnvelope<OrderConfirmed> first = deliver(tenant, order);
        String number = awaitNote(tenant, orderId).path("deliveryNumber").asString();

        EventEnvelope<OrderConfirmed> copy = deliver(tenant, order);
        awaitHandled(copy);

        assertThat(copy.eventId()).isNotEqualTo(first.eventId());
        assertThat(notesOfOrder(tenant, orderId)).hasSize(1);
        assertThat(notesOfOrder(tenant, orderId).get(0).path("deliveryNumber").asString()).isEqualTo(number);
        assertThat(jdbc.sql("select count(*) from delivery_notes where tenant_id = ? and order_id = ?")
                .params(tenant, orderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void dispatchPublishesEachItemsWarehouseFromTheOrderEvenWhenOrderCreatedArrivesAfterOrderConfirmed() {
        UUID orderId = UUID.randomUUID();
        UUID carrier = UUID.randomUUID();
        deliver(tenant, orderConfirmed(orderId, bolts, nuts));
        String noteId = awaitNote(tenant, orderId).path("id").asString();
        deliver(tenant, orderCreated(orderId, bolts, north, nuts, south));
        awaitOrderProjected(tenant, orderId);

        try (EventCapture capture = EventCapture.of(connectionFactory, io.collector.service.testkit.TestRun.EXCHANGE,
                EventType.DELIVERY_DISPATCHED)) {
            var response = api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch",
                    """
                    {"carrierId": "%s", "trackingNumber": "TRACK123"}""".formatted(carrier));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("DISPATCHED");
            assertThat(response.json().path("dispatchedItems")).hasSize(2);
            DeliveryDispatched dispatched = capture.awaitOne(DeliveryDispatched.class,
                    e -> e.deliveryNoteId().toString().equals(noteId), WAIT).data();
            assertThat(dispatched.orderId()).isEqualTo(orderId);
            assertThat(dispatched.deliveryNumber()).isEqualTo(response.json().path("deliveryNumber").asString());
            assertThat(dispatched.items()).containsExactly(new DeliveryDispatched.Item(bolts, 5, north),
                    new DeliveryDispatched.Item(nuts, 5, south));
            assertThat(dispatched.trackingNumber()).isEqualTo("TRACK123");
            assertThat(dispatched.carrierId()).isEqualTo(carrier);
        }
    }

    @Test
    void dispatchTakesTheRequestsWarehouseForLinesWhoseOrderLineNamedNone() {
        UUID orderId = UUID.randomUUID();
        deliver(tenant, orderCreated(orderId, bolts, north, nuts, null));
        awaitOrderProjected(tenant, orderId);
        deliver(tenant, orderConfirmed(orderId, bolts, nuts));
        String noteId = awaitNote(tenant, orderId).path("id").asString();

        try (EventCapture capture = EventCapture.of(connectionFactory, io.collector.service.testkit.TestRun.EXCHANGE,
                EventType.DELIVERY_DISPATCHED)) {
            var response = api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch",
                    """
                    {"warehouseId": "%s"}""".formatted(south));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            DeliveryDispatched dispatched = capture.awaitOne(DeliveryDispatched.class,
                    e -> e.deliveryNoteId().toString().equals(noteId), WAIT).data();
            assertThat(dispatched.items()).containsExactly(new DeliveryDispatched.Item(bolts, 5, north),
                    new DeliveryDispatched.Item(nuts, 5, south));
            assertThat(dispatched.trackingNumber()).isNull();
            assertThat(dispatched.carrierId()).isNull();
        }
    }

    @Test
    void dispatchWithoutAnyKnownWarehouseIsUnprocessableNamingTheProductsAndChangesNothing() {
        String noteId = noteForNewOrder(tenant, bolts, nuts).path("id").asString();

        var refused = api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains(bolts.toString(), nuts.toString());
        assertThat(api(tenant).get("/api/delivery-notes/" + noteId).json().path("status").asString()).isEqualTo("CREATED");
        assertThat(outboxCount(tenant, "delivery.dispatched")).isZero();

        var withWarehouse = api(tenant).post("/api/delivery-notes/" + noteId + "/dispatch",
                "{\"warehouseId\": \"%s\"}".formatted(north));
        assertThat(withWarehouse.status()).as(withWarehouse.toString()).isEqualTo(200);
        assertThat(withWarehouse.json().path("dispatchedItems").findValuesAsString("warehouseId"))
                .containsOnly(north.toString());
    }

    @Test
    void confirmPublishesDeliveryConfirmedAndTheNoteIsDelivered() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed order = orderConfirmed(orderId, bolts);
        deliver(tenant, order);
        JsonNode note = awaitNote(tenant, orderId);
        String noteId = note.path("id").asString();
        ApiClient api = api(tenant);
        assertThat(api.post("/api/delivery-notes/" + noteId + "/dispatch", "{\"warehouseId\": \"%s\"}".formatted(north))
                .status()).isEqualTo(200);

        try (EventCapture capture = EventCapture.of(connectionFactory, io.collector.service.testkit.TestRun.EXCHANGE,
                EventType.DELIVERY_CONFIRMED)) {
            var response = api.post("/api/delivery-notes/" + noteId + "/confirm",
                    "{\"proofOfDeliveryUrl\": \"https://pod.example.com/signed/1\"}");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("DELIVERED");
            assertThat(response.json().path("deliveredAt").isMissingNode()).isFalse();
            DeliveryConfirmed confirmed = capture.awaitOne(DeliveryConfirmed.class,
                    e -> e.deliveryNoteId().toString().equals(noteId), WAIT).data();
            assertThat(confirmed).isEqualTo(new DeliveryConfirmed(UUID.fromString(noteId), note.path("deliveryNumber").asString(),
                    orderId, order.customerId(), "https://pod.example.com/signed/1"));
        }
        assertThat(api.get("/api/delivery-notes?status=DELIVERED&orderId=" + orderId).json()).hasSize(1);
    }

    @Test
    void noteCanBeDispatchedOnceAndConfirmedOnlyAfterDispatch() {
        String noteId = noteForNewOrder(tenant, bolts).path("id").asString();
        ApiClient api = api(tenant);
        String dispatch = "/api/delivery-notes/" + noteId + "/dispatch";
        String confirm = "/api/delivery-notes/" + noteId + "/confirm";
        String body = "{\"warehouseId\": \"%s\"}".formatted(north);

        assertThat(api.post(confirm, null).status()).as("confirm before dispatch").isEqualTo(409);
        assertThat(api.post(dispatch, body).status()).isEqualTo(200);
        var twice = api.post(dispatch, body);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).contains("DISPATCHED");
        assertThat(api.post(confirm, null).status()).isEqualTo(200);
        assertThat(api.post(confirm, null).status()).as("confirm twice").isEqualTo(409);
        assertThat(api.post(dispatch, body).status()).as("dispatch after delivery").isEqualTo(409);
        assertThat(outboxCount(tenant, "delivery.dispatched")).isEqualTo(1);
        assertThat(outboxCount(tenant, "delivery.confirmed")).isEqualTo(1);
    }

    @Test
    void listFiltersByStatusAndOrder() {
        String created = noteForNewOrder(tenant, bolts).path("id").asString();
        String dispatched = noteForNewOrder(tenant, nuts).path("id").asString();
        api(tenant).post("/api/delivery-notes/" + dispatched + "/dispatch", "{\"warehouseId\": \"%s\"}".formatted(north));

        List<String> createdIds = api(tenant).get("/api/delivery-notes?status=CREATED").json().findValuesAsString("id");
        List<String> dispatchedIds = api(tenant).get("/api/delivery-notes?status=DISPATCHED").json().findValuesAsString("id");

        assertThat(createdIds).contains(created).doesNotContain(dispatched);
        assertThat(dispatchedIds).containsExactly(dispatched);
    }
}
