package io.collector.crm;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of CRM's integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = CrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=crm", "spring.profiles.active=test"})
abstract class CrmIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Instant DUE = Instant.parse("2024-02-15T14:30:00Z");
    static final Instant PAID_AT = Instant.parse("2024-01-16T10:00:00Z");

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, CrmApplication.NAME);
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

    UUID createCustomer(String tenant, String name) {
        var response = api(tenant).post("/api/customers", """
                {"name": "%s", "email": "billing@example.com", "addresses": [
                  {"label": "HQ", "line1": "Main St 1", "postalCode": "10115", "city": "Berlin", "country": "DE"}]}"""
                .formatted(name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    JsonNode customer(String tenant, UUID id) {
        var response = api(tenant).get("/api/customers/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode payments(String tenant, UUID id) {
        var response = api(tenant).get("/api/customers/" + id + "/payments");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the customer read over HTTP matches, and returns it. */
    JsonNode awaitCustomer(String tenant, UUID id, Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> {
            var response = api(tenant).get("/api/customers/" + id);
            return response.status() == 200 ? response.json() : null;
        }, customer -> customer != null && matching.test(customer));
    }

    /** The customer's balance in the currency: {@code [outstanding, lifetimeValue]}, or null if it has none. */
    static List<String> balance(JsonNode customer, String currency) {
        return StreamSupport.stream(customer.path("balances").spliterator(), false)
                .filter(b -> b.path("currency").asString().equals(currency))
                .map(b -> List.of(b.path("outstanding").asString(), b.path("lifetimeValue").asString()))
                .findFirst().orElse(null);
    }

    static Predicate<JsonNode> balanceIs(String currency, String outstanding, String lifetimeValue) {
        return customer -> List.of(outstanding, lifetimeValue).equals(balance(customer, currency));
    }

    static InvoiceIssued issued(UUID customer, String currency, String grandTotal) {
        UUID invoice = UUID.randomUUID();
        BigDecimal total = new BigDecimal(grandTotal);
        return new InvoiceIssued(invoice, "INV-" + invoice.toString().substring(0, 8), customer, null, null, currency,
                total, new BigDecimal("0.00"), total, DUE,
                List.of(new InvoiceIssued.LineItem("Service", BigDecimal.ONE, total, total)));
    }

    static InvoicePaid paid(InvoiceIssued invoice) {
        return new InvoicePaid(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), invoice.grandTotal(),
                "STRIPE", PAID_AT, invoice.currency());
    }

    /** Delivers an incoming event the way the service receives it: through the outbox, the broker and its queue. */
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

    int count(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = :tenant").param("tenant", tenant)
                .query(Integer.class).single();
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.path("field").asString()).toList();
    }
}
