package io.collector.procurement;

import io.collector.events.EventEnvelope;
import io.collector.events.payload.StockLow;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the procurement tests (every subclass shares it): the real service on
 * a random port, against the local RabbitMQ and PostgreSQL in a test run of its own.
 */
@SpringBootTest(classes = ProcurementApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=procurement", "spring.profiles.active=test"})
abstract class ProcurementIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, ProcurementApplication.NAME);
    }

    static StockLow stockLow(UUID product, UUID warehouse, int currentQuantity, int reorderLevel) {
        return new StockLow(product, "Product " + product.toString().substring(0, 8), "SKU-" + product.toString().substring(0, 8),
                warehouse, "Warehouse " + warehouse.toString().substring(0, 8), currentQuantity, Math.min(10, reorderLevel),
                reorderLevel);
    }

    JsonNode purchaseOrders(String tenant, String query) {
        var response = api(tenant).get("/api/purchase-orders" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Every line of the tenant's purchase orders for the product and warehouse, each with its order's id, number and status. */
    List<JsonNode> linesFor(String tenant, UUID product, UUID warehouse) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode order : purchaseOrders(tenant, "")) {
            for (JsonNode line : order.path("lines")) {
                if (line.path("productId").asString().equals(product.toString())
                        && line.path("warehouseId").asString().equals(warehouse.toString())) {
                    var copy = (tools.jackson.databind.node.ObjectNode) line.deepCopy();
                    copy.put("orderId", order.path("id").asString());
                    copy.put("poNumber", order.path("poNumber").asString());
                    copy.put("orderStatus", order.path("status").asString());
                    copy.put("supplierId", order.path("supplierId").asString(""));
                    found.add(copy);
                }
            }
        }
        return found;
    }

    /** Waits until the tenant has {@code count} lines for the product and warehouse; returns them. */
    List<JsonNode> awaitLines(String tenant, UUID product, UUID warehouse, int count) {
        await().atMost(WAIT).until(() -> linesFor(tenant, product, warehouse).size() == count);
        return linesFor(tenant, product, warehouse);
    }

    /**
     * Waits until every one of these events was handled. Each one by its id: the queue has two
     * consumers, so a later event's effect says nothing about an earlier one.
     */
    void awaitAllHandled(EventEnvelope<?>... events) {
        for (EventEnvelope<?> event : events) {
            awaitHandled(event);
        }
    }

    long openLineCount(String tenant, UUID product, UUID warehouse) {
        return jdbc.sql("select count(*) from purchase_order_lines where tenant_id = ? and product_id = ? and warehouse_id = ? and open")
                .params(tenant, product, warehouse).query(Long.class).single();
    }

    String registerSupplier(String tenant, String json) {
        var response = api(tenant).post("/api/suppliers", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
