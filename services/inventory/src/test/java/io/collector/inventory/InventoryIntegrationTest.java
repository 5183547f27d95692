package io.collector.inventory;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.TestRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of the inventory's integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = InventoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=inventory", "spring.profiles.active=test"})
abstract class InventoryIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, InventoryApplication.NAME);
    }

    @LocalServerPort int port;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired EventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Value("${collector.eventbus.service}") String service;

    ApiClient api(String tenant) {
        return ApiClient.forTenant(port, tenant);
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID();
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

    /** Delivers an incoming event the way the service receives it: through its outbox, the broker and its queue. */
    <T extends EventPayload> EventEnvelope<T> deliver(String tenant, T payload) {
        return transaction.execute(status -> publisher.publish(tenant, payload));
    }

    void redeliver(EventEnvelope<?> event) {
        transaction.executeWithoutResult(status -> publisher.publish(event));
    }

    /** Waits until the service handled (and committed) the event with this id. */
    void awaitHandled(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> jdbc.sql("select exists (select 1 from inbox where event_key = :key)")
                .param("key", event.eventId().toString()).query(Boolean.class).single());
    }

    double duplicates(String type) {
        Counter counter = meters.find("collector.events.duplicates")
                .tags("consumer", QueueNames.queue(service, type), "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The dead-lettered copy of the event with this id from the queue of {@code type}; other messages there are dropped. */
    Message awaitDeadLettered(String type, EventEnvelope<?> event) {
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        String dlq = QueueNames.deadLetter(QueueNames.queue(service, type));
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Message message = rabbit.receive(dlq, 1000);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(event.eventId().toString())) {
                return message;
            }
        }
        throw new AssertionError("No dead-lettered " + type + " " + event.eventId() + " on " + dlq + " within " + WAIT);
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
