package io.collector.inventory;

import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of the inventory's integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = InventoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=inventory", "spring.profiles.active=test"})
abstract class InventoryIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, InventoryApplication.NAME);
    }

    UUID createProduct(String tenant, String sku, int minimumThreshold, int reorderLevel) {
        var response = api(tenant).post("/api/products", """
                {"sku": "%s", "name": "Product %s", "unit": "pcs", "minimumThreshold": %d, "reorderLevel": %d}"""
                .formatted(sku, sku, minimumThreshold, reorderLevel));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    UUID createProduct(String tenant) {
        return createProduct(tenant, "SKU-" + UUID.randomUUID().toString().substring(0, 8), 0, 0);
    }

    UUID createWarehouse(String tenant, String name, boolean isDefault) {
        var response = api(tenant).post("/api/warehouses", """
                {"name": "%s", "isDefault": %s}""".formatted(name, isDefault));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    void receive(String tenant, UUID product, UUID warehouse, int quantity) {
        var response = api(tenant).post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": %d}""".formatted(product, warehouse, quantity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** The product's stock row in the warehouse, read over HTTP. */
    JsonNode stock(String tenant, UUID product, UUID warehouse) {
        var response = api(tenant).get("/api/stock?productId=" + product);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode row : response.json()) {
            if (row.path("warehouseId").asString().equals(warehouse.toString())) {
                return row;
            }
        }
        throw new AssertionError("No stock row for warehouse " + warehouse + " in " + response);
    }

    /** Waits until the stock row matches, and returns it. */
    JsonNode awaitStock(String tenant, UUID product, UUID warehouse, Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> stock(tenant, product, warehouse), matching);
    }

    static Predicate<JsonNode> levels(int onHand, int reserved, int shortfall) {
        return row -> row.path("onHand").asInt() == onHand && row.path("reserved").asInt() == reserved
                && row.path("shortfall").asInt() == shortfall;
    }

    static void assertLevels(JsonNode row, int onHand, int reserved, int shortfall) {
        assertThat(row.path("onHand").asInt()).as("on hand of %s", row).isEqualTo(onHand);
        assertThat(row.path("reserved").asInt()).as("reserved of %s", row).isEqualTo(reserved);
        assertThat(row.path("shortfall").asInt()).as("shortfall of %s", row).isEqualTo(shortfall);
    }

    static OrderCreated.LineItem line(UUID product, int quantity, UUID warehouse) {
        return new OrderCreated.LineItem(product, null, "Item", quantity, new BigDecimal("10.00"), warehouse);
    }

    static OrderCreated order(OrderCreated.LineItem... lines) {
        UUID orderId = UUID.randomUUID();
        BigDecimal total = Arrays.stream(lines).map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new OrderCreated(orderId, "ORD-" + orderId.toString().substring(0, 8), UUID.randomUUID(), null,
                List.of(lines), "EUR", total);
    }

    static DeliveryDispatched dispatch(UUID orderId, DeliveryDispatched.Item... items) {
        UUID note = UUID.randomUUID();
        return new DeliveryDispatched(note, "DN-" + note.toString().substring(0, 8), orderId, List.of(items), null, null);
    }

    /** stock.low events the service wrote to its outbox for the product: the same transaction as the movement. */
    int stockLowEventsWritten(String tenant, UUID product) {
        return jdbc.sql("""
                        select count(*) from outbox where tenant_id = :tenant and event_type = 'stock.low'
                        and convert_from(payload, 'UTF8')::jsonb -> 'data' ->> 'productId' = :product""")
                .param("tenant", tenant)
                .param("product", product.toString())
                .query(Integer.class)
                .single();
    }
}
