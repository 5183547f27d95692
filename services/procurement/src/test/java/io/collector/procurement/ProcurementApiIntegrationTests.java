package io.collector.procurement;

import io.collector.service.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppliers, bad requests, authentication and tenant isolation of the procurement API. */
class ProcurementApiIntegrationTests extends ProcurementIntegrationTest {

    final String tenant = newTenant();
    final UUID bolts = UUID.randomUUID();
    final UUID main = UUID.randomUUID();

    @Test
    void registeredSupplierIsListedAndFound() {
        var created = api(tenant).post("/api/suppliers", """
                {"name": " Bolt & Nut Ltd ", "email": "orders@boltnut.example", "leadTimeDays": 5,
                 "productIds": ["%s", "%s"]}""".formatted(bolts, bolts));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode supplier = created.json();
        assertThat(supplier.path("name").asString()).isEqualTo("Bolt & Nut Ltd");
        assertThat(supplier.path("productIds")).extracting(JsonNode::asString).containsExactly(bolts.toString());
        assertThat(api(tenant).get("/api/suppliers").json()).extracting(s -> s.path("id").asString())
                .containsExactly(supplier.path("id").asString());
        var found = api(tenant).get("/api/suppliers/" + supplier.path("id").asString());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("email").asString()).isEqualTo("orders@boltnut.example");
        assertThat(found.json().path("leadTimeDays").asInt()).isEqualTo(5);
    }

    @Test
    void supplierNeedsOnlyAName() {
        var created = api(tenant).post("/api/suppliers", "{\"name\": \"Anything Ltd\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("productIds")).isEmpty();
        assertThat(created.json().path("email").isMissingNode()).isTrue();
    }

    @Test
    void badSupplierIsABadRequestNamingEveryFieldAndNothingIsWritten() {
        var response = api(tenant).post("/api/suppliers", """
                {"name": " ", "email": "not-an-address", "leadTimeDays": -1, "productIds": ["%s", null]}""".formatted(bolts));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "email", "leadTimeDays", "productIds[1]");
        assertThat(api(tenant).get("/api/suppliers").json()).isEmpty();
        assertThat(jdbc.sql("select count(*) from suppliers where tenant_id = ?").param(tenant).query(Long.class).single()).isZero();
    }

    @Test
    void unreadableBodiesAndBadParametersAreBadRequests() {
        ApiClient api = api(tenant);

        assertThat(api.post("/api/suppliers", "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/suppliers", "{\"name\": \"X\", \"productIds\": [\"nope\"]}").status()).isEqualTo(400);
        assertThat(api.post("/api/suppliers", null).status()).isEqualTo(400);
        var status = api.get("/api/purchase-orders?status=SHIPPED");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().path("errors").findValuesAsString("field")).containsExactly("status");
        var limit = api.get("/api/purchase-orders?limit=501");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("errors").findValuesAsString("field")).containsExactly("limit");
        assertThat(api.get("/api/purchase-orders/42").status()).isEqualTo(400);
        assertThat(api.get("/api/suppliers").json()).isEmpty();
    }

    @Test
    void unknownResourcesAreNotFound() {
        ApiClient api = api(tenant);
        String order = "/api/purchase-orders/" + UUID.randomUUID();

        assertThat(api.get(order).status()).isEqualTo(404);
        assertThat(api.post(order + "/approve", null).status()).isEqualTo(404);
        assertThat(api.post(order + "/receive", null).status()).isEqualTo(404);
        assertThat(api.post(order + "/cancel", null).status()).isEqualTo(404);
        assertThat(api.get("/api/suppliers/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void callerWithoutTokenIsUnauthorized() {
        assertThat(ApiClient.anonymous(port).get("/api/purchase-orders").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).post("/api/suppliers", "{\"name\": \"X\"}").status()).isEqualTo(401);
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryResourceOfTheFirst() {
        String supplier = registerSupplier(tenant, "{\"name\": \"Mine Ltd\", \"productIds\": [\"%s\"]}".formatted(bolts));
        deliver(tenant, stockLow(bolts, main, 5, 20));
        String order = awaitLines(tenant, bolts, main, 1).get(0).path("orderId").asString();
        ApiClient intruder = api(newTenant());

        assertThat(intruder.get("/api/suppliers/" + supplier).status()).isEqualTo(404);
        assertThat(intruder.get("/api/purchase-orders/" + order).status()).isEqualTo(404);
        assertThat(intruder.post("/api/purchase-orders/" + order + "/approve", null).status()).isEqualTo(404);
        assertThat(intruder.post("/api/purchase-orders/" + order + "/receive", null).status()).isEqualTo(404);
        assertThat(intruder.post("/api/purchase-orders/" + order + "/cancel", null).status()).isEqualTo(404);
        assertThat(intruder.get("/api/suppliers").json()).isEmpty();
        assertThat(intruder.get("/api/purchase-orders").json()).isEmpty();
        assertThat(api(tenant).get("/api/purchase-orders/" + order).json().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void stockLowOfOneTenantNeverTouchesAnotherTenantsOrdersOrUsesItsSuppliers() {
        String other = newTenant();
        String supplier = registerSupplier(tenant, "{\"name\": \"Mine Ltd\", \"productIds\": [\"%s\"]}".formatted(bolts));
        deliver(tenant, stockLow(bolts, main, 5, 20));
        JsonNode mine = awaitLines(tenant, bolts, main, 1).get(0);

        // The same product and warehouse in another tenant: its own line, and no supplier (ours is not theirs).
        deliver(other, stockLow(bolts, main, 9, 20));
        JsonNode theirs = awaitLines(other, bolts, main, 1).get(0);

        assertThat(mine.path("supplierId").asString()).isEqualTo(supplier);
        assertThat(theirs.path("supplierId").asString()).isEmpty();
        assertThat(theirs.path("orderId").asString()).isNotEqualTo(mine.path("orderId").asString());
        assertThat(theirs.path("quantity").asInt()).isEqualTo(12);
        assertThat(linesFor(tenant, bolts, main)).hasSize(1);
        assertThat(linesFor(tenant, bolts, main).get(0).path("quantity").asInt()).isEqualTo(16);
    }
}
