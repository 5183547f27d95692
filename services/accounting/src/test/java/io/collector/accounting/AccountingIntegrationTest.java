package io.collector.accounting;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.EventType;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.PayrollProcessed;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of the accounting integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = AccountingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=accounting", "spring.profiles.active=test"})
abstract class AccountingIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, AccountingApplication.NAME);
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

    static InvoiceIssued invoice(String currency, String subtotal, String taxTotal, String grandTotal) {
        UUID id = UUID.randomUUID();
        return new InvoiceIssued(id, "INV-" + id.toString().substring(0, 8), UUID.randomUUID(), UUID.randomUUID(), null,
                currency, new BigDecimal(subtotal), new BigDecimal(taxTotal), new BigDecimal(grandTotal),
                Instant.now().plus(30, ChronoUnit.DAYS),
                List.of(new InvoiceIssued.LineItem("Office chairs", BigDecimal.ONE, new BigDecimal(subtotal), new BigDecimal(subtotal))));
    }

    static InvoicePaid payment(InvoiceIssued invoice, String amount) {
        return new InvoicePaid(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), new BigDecimal(amount),
                "STRIPE", Instant.now(), invoice.currency());
    }

    static PayrollProcessed payroll(String currency, String total) {
        return new PayrollProcessed(UUID.randomUUID(), "2024-01", new BigDecimal(total), currency, 25, Instant.now());
    }

    /** Delivers an incoming event the way the service receives it: through the outbox, the broker and its queue. */
    <T extends EventPayload> EventEnvelope<T> deliver(String tenant, T payload) {
        return transaction.execute(status -> publisher.publish(tenant, payload));
    }

    /** The same envelope (same eventId) once more, as a broker redelivery or a replay would bring it. */
    void redeliver(EventEnvelope<?> event) {
        transaction.executeWithoutResult(status -> publisher.publish(event));
    }

    /** Waits until the service handled (and committed) the event with this id. */
    void awaitHandled(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> jdbc.sql("select exists (select 1 from inbox where event_key = :key)")
                .param("key", event.eventId().toString()).query(Boolean.class).single());
    }

    /** The tenant's journal entries for a source reference or document (invoice id or number, payroll id or period). */
    JsonNode entries(String tenant, String sourceReference) {
        var response = api(tenant).get("/api/journal-entries?sourceReference=" + sourceReference);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits for the one entry of this source and returns it. */
    JsonNode awaitEntry(String tenant, String sourceReference) {
        JsonNode entries = await().atMost(WAIT).until(() -> entries(tenant, sourceReference), e -> e.size() >= 1);
        assertThat(entries).as("entries of %s", sourceReference).hasSize(1);
        return entries.get(0);
    }

    JsonNode balance(String tenant, String code) {
        var response = api(tenant).get("/api/accounts/" + code + "/balance");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The account's balance in the currency as a string ({@code "1500.00"}), "none" if never posted in it. */
    String balanceIn(String tenant, String code, String currency) {
        for (JsonNode balance : balance(tenant, code).path("balances")) {
            if (balance.path("currency").asString().equals(currency)) {
                return balance.path("balance").asString();
            }
        }
        return "none";
    }

    long rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class).single();
    }

    double meter(String name, String type, String... tags) {
        Counter counter = meters.find(name).tags("consumer", QueueNames.queue(service, type), "type", type).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The dead-lettered copy of the event from the DLQ of its type's queue; other messages there are dropped. */
    Message awaitDeadLettered(EventType type, EventEnvelope<?> event) {
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        String dlq = QueueNames.deadLetter(QueueNames.queue(service, type.wireName()));
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Message message = rabbit.receive(dlq, 500);
            if (message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(event.eventId().toString())) {
                return message;
            }
        }
        throw new AssertionError("No dead-lettered " + type.wireName() + " " + event.eventId() + " on " + dlq + " within " + WAIT);
    }
}
