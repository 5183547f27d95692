package io.collector.eventbus;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventJson;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Spring context for all the bus's integration tests, on the real RabbitMQ and PostgreSQL:
 * its own service name, schema and exchange per run, so runs never see each other's events.
 */
@SpringBootTest(classes = BusTestApplication.class)
abstract class BusIntegrationTest {

    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    static final String SERVICE = "bustest-" + RUN;
    static final String SCHEMA = "bustest_" + RUN;
    static final String EXCHANGE = "collector-events-test-" + RUN;

    @DynamicPropertySource
    static void busProperties(DynamicPropertyRegistry registry) {
        registry.add("collector.eventbus.service", () -> SERVICE);
        registry.add("collector.eventbus.schema", () -> SCHEMA);
        registry.add("collector.eventbus.exchange", () -> EXCHANGE);
    }

    @Autowired EventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired Effects effects;
    @Autowired HandlerScript script;
    @Autowired RabbitTemplate eventBusRabbitTemplate;
    @Autowired RabbitAdmin eventBusRabbitAdmin;
    @Autowired HandlerRegistry handlers;
    @Autowired JdbcClient jdbc;

    /** The spec's example of a type, as this tenant's event with a fresh id. */
    static EventEnvelope<?> example(EventType type, String tenantId) {
        EventEnvelope<?> example = EventReader.read(EventExamples.load(type));
        return new EventEnvelope<>(UUID.randomUUID(), 1, example.type(), Instant.now(), tenantId, example.source(),
                "corr-" + UUID.randomUUID(), null, example.data());
    }

    /** The spec's example of a type as raw JSON, edited (the way a foreign producer might get it wrong). */
    static String exampleJson(EventType type, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) EventJson.mapper().readTree(EventExamples.load(type));
        edit.accept(root);
        return root.toString();
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    EventEnvelope<?> publishInTransaction(EventEnvelope<?> event) {
        return transaction.execute(status -> publisher.publish(event));
    }

    /** Sends bytes straight to a queue, as a producer outside this bus would. */
    void sendRaw(String queue, byte[] body, String messageId) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setMessageId(messageId);
        eventBusRabbitTemplate.send("", queue, new Message(body, props));
    }

    void sendRaw(String queue, String body) {
        sendRaw(queue, body.getBytes(StandardCharsets.UTF_8), null);
    }

    static String queueOf(EventType type) {
        return QueueNames.queue(SERVICE, type.wireName());
    }

    static byte[] json(EventEnvelope<?> event) {
        return EventJson.write(event);
    }

    long pendingOutboxRows() {
        return jdbc.sql("select count(*) from " + SCHEMA + ".outbox where status = 'PENDING'").query(Long.class).single();
    }

    /** A broker listing ({@code list_queues}, {@code list_channels}, ...), one row per item with the given columns. */
    static List<String[]> brokerListing(String listing, String... columns) {
        String[] args = new String[columns.length + 3];
        args[0] = listing;
        args[1] = "-q";
        args[2] = "--no-table-headers";
        System.arraycopy(columns, 0, args, 3, columns.length);
        return rabbitmqctl(args).lines().filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
    }

    static String rabbitmqctl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "rabbitmqctl";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl is needed for this test (it ships with RabbitMQ)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
