package io.collector.service.testkit;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What every service's integration tests share, as the base of each service's own base class
 * (which adds its {@code @SpringBootTest} and {@code @DynamicPropertySource} for {@link TestRun}):
 * its HTTP API as a tenant, and incoming events delivered the way the service receives them.
 */
public abstract class ServiceIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort protected int port;
    @Autowired protected ConnectionFactory connectionFactory;
    @Autowired protected EventPublisher publisher;
    @Autowired protected TransactionTemplate transaction;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected MeterRegistry meters;
    @Value("${collector.eventbus.service}") protected String service;

    protected ApiClient api(String tenant) {
        return ApiClient.forTenant(port, tenant);
    }

    protected static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    /** Delivers an incoming event the way the service receives it: through its outbox, the broker and its queue. */
    protected <T extends EventPayload> EventEnvelope<T> deliver(String tenant, T payload) {
        return transaction.execute(status -> publisher.publish(tenant, payload));
    }

    /** The same envelope again, eventId included: a duplicate publish. */
    protected void redeliver(EventEnvelope<?> event) {
        transaction.executeWithoutResult(status -> publisher.publish(event));
    }

    /** Waits until the service handled (and committed) the event with this id. */
    protected void awaitHandled(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> jdbc.sql("select exists (select 1 from inbox where event_key = :key)")
                .param("key", event.eventId().toString()).query(Boolean.class).single());
    }

    /** Duplicates the service's queue of {@code type} skipped, by its metric. */
    protected double duplicates(String type) {
        Counter counter = meters.find("collector.events.duplicates")
                .tags("consumer", QueueNames.queue(service, type), "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    protected double duplicates(EventType type) {
        return duplicates(type.wireName());
    }

    /** The dead-lettered copy of the event with this id from the queue of {@code type}; other messages there are dropped. */
    protected Message awaitDeadLettered(String type, EventEnvelope<?> event) {
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

    protected Message awaitDeadLettered(EventType type, EventEnvelope<?> event) {
        return awaitDeadLettered(type.wireName(), event);
    }
}
