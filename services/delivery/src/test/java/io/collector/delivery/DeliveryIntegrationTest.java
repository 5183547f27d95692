package io.collector.delivery;

import io.collector.events.payload.OrderConfirmed;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the delivery tests (every subclass shares it): the real service on a
 * random port, against the local RabbitMQ and PostgreSQL in a test run of its own.
 */
@SpringBootTest(classes = DeliveryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=delivery", "spring.profiles.active=test"})
abstract class DeliveryIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, DeliveryApplication.NAME);
    }

    static OrderConfirmed orderConfirmed(UUID orderId, UUID... products) {
        List<OrderConfirmed.LineItem> lines = Arrays.stream(products)
                .map(p -> new OrderConfirmed.LineItem(p, "Product " + p.toString().substring(0, 8), 5, "pcs")).toList();
        return new OrderConfirmed(orderId, "ORD-2026-" + orderId.toString().substring(0, 4), UUID.randomUUID(), UUID.randomUUID(), lines);
    }

    /** An order.created whose lines are (product, warehouse-or-null) pairs, each for 5 pieces. */
    static OrderCreated orderCreated(UUID orderId, UUID... productAndWarehouse) {
        List<OrderCreated.LineItem> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndWarehouse.length; i += 2) {
            lines.add(new OrderCreated.LineItem(productAndWarehouse[i], null, "Product", 5, new BigDecimal("3.00"),
                    productAndWarehouse[i + 1]));
        }
        return new OrderCreated(orderId, "ORD-2026-" + orderId.toString().substring(0, 4), UUID.randomUUID(), null, lines,
                "USD", new BigDecimal("15.00").multiply(BigDecimal.valueOf(lines.size())));
    }

    /** The notes of an order, as the API lists them. */
    JsonNode notesOfOrder(String tenant, UUID orderId) {
        var response = api(tenant).get("/api/delivery-notes?orderId=" + orderId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until {@code order.confirmed} made the order's note, and returns it. */
    JsonNode awaitNote(String tenant, UUID orderId) {
        await().atMost(WAIT).until(() -> notesOfOrder(tenant, orderId).size() == 1);
        return notesOfOrder(tenant, orderId).get(0);
    }

    /** Waits until {@code order.created} reached the projection. */
    void awaitOrderProjected(String tenant, UUID orderId) {
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from order_projections where tenant_id = ? and order_id = ?")
                .params(tenant, orderId).query(Long.class).single() == 1);
    }

    /** A new order with a note (order.confirmed handled); returns the note. */
    JsonNode noteForNewOrder(String tenant, UUID... products) {
        UUID orderId = UUID.randomUUID();
        deliver(tenant, orderConfirmed(orderId, products));
        return awaitNote(tenant, orderId);
    }

    long outboxCount(String tenant, String type) {
        return jdbc.sql("select count(*) from outbox where tenant_id = ? and event_type = ?")
                .params(tenant, type).query(Long.class).single();
    }
}
