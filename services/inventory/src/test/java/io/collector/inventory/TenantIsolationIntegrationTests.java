package io.collector.inventory;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant neither sees nor moves this tenant's inventory. */
class TenantIsolationIntegrationTests extends InventoryIntegrationTest {

    @Test
    void anotherTenantGetsNotFoundOnEveryResourceOfTheFirst() {
        String owner = newTenant();
        String other = newTenant();
        UUID product = createProduct(owner);
        UUID warehouse = createWarehouse(owner, "Main", false);
        receive(owner, product, warehouse, 5);

        assertThat(api(other).get("/api/products/" + product).status()).isEqualTo(404);
        assertThat(api(other).get("/api/warehouses/" + warehouse).status()).isEqualTo(404);
        assertThat(api(other).get("/api/stock?productId=" + product).status()).isEqualTo(404);
        assertThat(api(other).post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": 1}""".formatted(product, warehouse)).status())
                .isEqualTo(404);
        assertThat(api(other).get("/api/products").json()).isEmpty();
        assertThat(api(other).get("/api/warehouses").json()).isEmpty();
        assertThat(api(other).get("/api/stock").json()).isEmpty();
        assertLevels(stock(owner, product, warehouse), 5, 0, 0);
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsStock() {
        String a = newTenant();
        String b = newTenant();
        UUID productOfA = createProduct(a);
        UUID warehouseOfA = createWarehouse(a, "Main", false);
        receive(a, productOfA, warehouseOfA, 10);
        UUID productOfB = createProduct(b);
        UUID warehouseOfB = createWarehouse(b, "Main", false);
        receive(b, productOfB, warehouseOfB, 10);
        JsonNode before = api(b).get("/api/stock").json();

        // Tenant A's events naming B's product and warehouse: they do not exist in A.
        OrderCreated foreignOrder = order(line(productOfB, 3, warehouseOfB));
        EventEnvelope<OrderCreated> order = deliver(a, foreignOrder);
        awaitDeadLettered(EventType.ORDER_CREATED.wireName(), order);
        EventEnvelope<DeliveryDispatched> dispatch = deliver(a,
                dispatch(foreignOrder.orderId(), new DeliveryDispatched.Item(productOfB, 3, warehouseOfB)));
        awaitDeadLettered(EventType.DELIVERY_DISPATCHED.wireName(), dispatch);
        // And a valid order of A, handled after them.
        deliver(a, order(line(productOfA, 4, warehouseOfA)));
        awaitStock(a, productOfA, warehouseOfA, levels(10, 4, 0));

        assertThat(api(b).get("/api/stock").json()).isEqualTo(before);
        assertLevels(stock(b, productOfB, warehouseOfB), 10, 0, 0);
        assertThat(jdbc.sql("select count(*) from reservations where tenant_id = :b").param("b", b)
                .query(Integer.class).single()).isZero();
    }
}
