package io.collector.orders.order;

import io.collector.service.testkit.EventCapture;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.orders.OrdersIntegrationTest;
import io.collector.service.testkit.ApiClient.Response;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderApiIntegrationTests extends OrdersIntegrationTest {

    private static final UUID CHAIR = UUID.randomUUID();
    private static final UUID DESK = UUID.randomUUID();

    private static String orderJson(UUID customer, String shippingAddress) {
        return """
                {"customerId": "%s", "currency": "USD", %s
                 "lineItems": [
                   {"productId": "%s", "sku": "CH-1", "description": "Office chair", "quantity": 3, "unitPrice": "19.99",
                    "warehouseId": "%s"},
                   {"productId": "%s", "description": "Desk", "quantity": 1, "unitPrice": 250, "unit": "set"}
                 ]}""".formatted(customer, shippingAddress == null ? "" : "\"shippingAddressId\": \"" + shippingAddress + "\",",
                CHAIR, UUID.randomUUID(), DESK);
    }

    @Test
    void aDirectOrderIsPendingWithAComputedTotalAndPublishesOrderCreated() {
        String tenant = newTenant();
        UUID customer = UUID.randomUUID();

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.ORDER_CREATED)) {
            Response response = api(tenant).withCorrelationId("place-order-1").post("/api/orders", orderJson(customer, null));

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            JsonNode order = response.json();
            assertThat(order.path("number").asString()).isEqualTo("ORD-" + Year.now() + "-001");
            assertThat(order.path("status").asString()).isEqualTo("PENDING");
            assertThat(order.path("grandTotal").asString()).isEqualTo("309.97");
            assertThat(order.has("offerId")).isFalse();
            assertThat(order.path("lineItems").get(0).path("unit").asString()).isEqualTo("pcs");
            assertThat(order.path("lineItems").get(0).path("total").asString()).isEqualTo("59.97");
            assertThat(api(tenant).get("/api/orders/" + order.path("id").asString()).json()).isEqualTo(order);

            UUID orderId = UUID.fromString(order.path("id").asString());
            EventEnvelope<OrderCreated> created = capture.awaitOne(OrderCreated.class, e -> e.orderId().equals(orderId), WAIT);
            assertThat(created.correlationId()).isEqualTo("place-order-1");
            assertThat(created.data().customerId()).isEqualTo(customer);
            assertThat(created.data().offerId()).isNull();
            assertThat(created.data().grandTotal()).isEqualTo(new BigDecimal("309.97"));
            assertThat(created.data().lineItems()).hasSize(2);
            assertThat(created.data().lineItems().get(0).sku()).isEqualTo("CH-1");
            assertThat(created.data().lineItems().get(0).quantity()).isEqualTo(3);
            assertThat(created.data().lineItems().get(0).warehouseId()).isNotNull();
        }
    }

    @Test
    void confirmingPublishesOrderConfirmedWithTheRequestsAddressAndCorrelation() {
        String tenant = newTenant();
        UUID address = UUID.randomUUID();
        String id = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), null)).json().path("id").asString();

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.ORDER_CONFIRMED)) {
            Response response = api(tenant).withCorrelationId("confirm-" + id)
                    .put("/api/orders/" + id + "/status", "{\"status\": \"CONFIRMED\", \"shippingAddressId\": \"" + address + "\"}");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(response.json().path("shippingAddressId").asString()).isEqualTo(address.toString());
            EventEnvelope<OrderConfirmed> confirmed = capture.awaitOne(OrderConfirmed.class,
                    e -> e.orderId().toString().equals(id), WAIT);
            assertThat(confirmed.tenantId()).isEqualTo(tenant);
            assertThat(confirmed.correlationId()).isEqualTo("confirm-" + id);
            assertThat(confirmed.data().shippingAddressId()).isEqualTo(address);
            assertThat(confirmed.data().lineItems()).containsExactly(
                    new OrderConfirmed.LineItem(CHAIR, "Office chair", 3, "pcs"),
                    new OrderConfirmed.LineItem(DESK, "Desk", 1, "set"));
        }
    }

    @Test
    void anOrderFromAnOfferIsConfirmedWithItsProductLinesOnly() {
        String tenant = newTenant();
        UUID product = UUID.randomUUID();
        OfferApproved offer = approvedOffer(product);
        deliver(tenant, offer);
        awaitOrderOf(tenant, offer.offerId());
        String id = api(tenant).get("/api/orders?status=PENDING").json().get(0).path("id").asString();

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.ORDER_CONFIRMED)) {
            UUID address = UUID.randomUUID();
            Response response = api(tenant).put("/api/orders/" + id + "/status",
                    "{\"status\": \"CONFIRMED\", \"shippingAddressId\": \"" + address + "\"}");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            OrderConfirmed confirmed = capture.awaitOne(OrderConfirmed.class, e -> e.orderId().toString().equals(id), WAIT).data();
            assertThat(confirmed.lineItems()).containsExactly(new OrderConfirmed.LineItem(product, "Office chair", 5, "pcs"));
        }
    }

    @Test
    void confirmingWithoutAnyShippingAddressIsUnprocessableAndChangesNothing() {
        String tenant = newTenant();
        String id = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), null)).json().path("id").asString();

        Response response = api(tenant).put("/api/orders/" + id + "/status", "{\"status\": \"CONFIRMED\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("detail").asString()).contains("shippingAddressId");
        assertThat(api(tenant).get("/api/orders/" + id).json().path("status").asString()).isEqualTo("PENDING");
        assertThat(outbox(tenant, "order.confirmed")).isZero();
    }

    @Test
    void confirmingUsesTheAddressTheOrderWasPlacedWith() {
        String tenant = newTenant();
        UUID address = UUID.randomUUID();
        String id = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), address.toString())).json().path("id").asString();

        Response response = api(tenant).put("/api/orders/" + id + "/status", "{\"status\": \"CONFIRMED\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("shippingAddressId").asString()).isEqualTo(address.toString());
        assertThat(outbox(tenant, "order.confirmed")).isEqualTo(1);
    }

    @Test
    void illegalStatusChangesAreConflictsAndPublishNothingMore() {
        String tenant = newTenant();
        String confirmed = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), UUID.randomUUID().toString())).json().path("id").asString();
        String cancelled = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), UUID.randomUUID().toString())).json().path("id").asString();
        assertThat(api(tenant).put("/api/orders/" + confirmed + "/status", "{\"status\": \"CONFIRMED\"}").status()).isEqualTo(200);
        Response cancel = api(tenant).put("/api/orders/" + cancelled + "/status", "{\"status\": \"CANCELLED\"}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().path("status").asString()).isEqualTo("CANCELLED");

        assertThat(api(tenant).put("/api/orders/" + confirmed + "/status", "{\"status\": \"CONFIRMED\"}").status()).isEqualTo(409);
        assertThat(api(tenant).put("/api/orders/" + confirmed + "/status", "{\"status\": \"CANCELLED\"}").status()).isEqualTo(409);
        assertThat(api(tenant).put("/api/orders/" + cancelled + "/status", "{\"status\": \"CONFIRMED\"}").status()).isEqualTo(409);
        assertThat(api(tenant).put("/api/orders/" + cancelled + "/status", "{\"status\": \"PENDING\"}").status()).isEqualTo(409);
        assertThat(outbox(tenant, "order.confirmed")).isEqualTo(1);
        assertThat(ids(api(tenant).get("/api/orders?status=CONFIRMED"))).containsExactly(confirmed);
        assertThat(ids(api(tenant).get("/api/orders?status=CANCELLED"))).containsExactly(cancelled);
        assertThat(ids(api(tenant).get("/api/orders"))).containsExactly(cancelled, confirmed);
    }

    @Test
    void invalidOrderIsRefusedWithEveryFieldPathAndNothingIsWritten() {
        String tenant = newTenant();
        String invalid = """
                {"currency": "usd", "lineItems": [
                   {"description": "", "quantity": 2.5, "unitPrice": -1, "sku": ""},
                   {"productId": "%s", "description": "ok", "quantity": 0, "unitPrice": "1.001"}
                 ]}""".formatted(UUID.randomUUID());

        Response response = api(tenant).post("/api/orders", invalid);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("customerId", "currency", "lineItems[0].productId",
                "lineItems[0].description", "lineItems[0].quantity", "lineItems[0].unitPrice", "lineItems[0].sku",
                "lineItems[1].quantity", "lineItems[1].unitPrice");
        assertThat(rows("orders", tenant)).isZero();
        assertThat(rows("order_lines", tenant)).isZero();
        assertThat(rows("outbox", tenant)).isZero();
        assertThat(api(tenant).get("/api/orders").json()).isEmpty();
    }

    @Test
    void invalidStatusChangeIsABadRequestNamingTheField() {
        String tenant = newTenant();
        String id = api(tenant).post("/api/orders", orderJson(UUID.randomUUID(), null)).json().path("id").asString();

        Response response = api(tenant).put("/api/orders/" + id + "/status", "{\"status\": \"SHIPPED\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("status");
        assertThat(api(tenant).get("/api/orders/" + id).json().path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void anotherTenantGetsNotFoundForEveryOrderOfTheFirst() {
        String owner = newTenant();
        String intruder = newTenant();
        String id = api(owner).post("/api/orders", orderJson(UUID.randomUUID(), UUID.randomUUID().toString())).json().path("id").asString();

        assertThat(api(intruder).get("/api/orders/" + id).status()).isEqualTo(404);
        assertThat(api(intruder).put("/api/orders/" + id + "/status", "{\"status\": \"CONFIRMED\"}").status()).isEqualTo(404);
        assertThat(api(intruder).put("/api/orders/" + id + "/status", "{\"status\": \"CANCELLED\"}").status()).isEqualTo(404);
        assertThat(api(intruder).get("/api/orders").json()).isEmpty();
        assertThat(api(owner).get("/api/orders/" + id).json().path("status").asString()).isEqualTo("PENDING");
        assertThat(rows("outbox", intruder)).isZero();
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(order -> ids.add(order.path("id").asString()));
        return ids;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
