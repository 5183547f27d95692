package io.collector.eventbus;

import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.eventbus.config.EventBusAutoConfiguration.EventBusSettings;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.topology.TopologyDeclarer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.amqp.core.Message;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoisonMessageIntegrationTests extends BusIntegrationTest {

    @Autowired EventBusMetrics metrics;
    @Autowired EventBusSettings settings;

    private static final String QUEUE = queueOf(EventType.STOCK_LOW);
    private static final String DLQ = QueueNames.deadLetter(QUEUE);

    @Test
    void malformedJsonIsDeadLetteredAtOnceAndLaterEventsStillFlow() {
        sendRaw(QUEUE, "{\"type\": \"stock.low\", \"data\": ");

        Message dead = eventBusRabbitTemplate.receive(DLQ, 20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "MALFORMED_JSON")
                .containsEntry(FailureHeaders.ATTEMPTS, 1)
                .containsEntry(FailureHeaders.ORIGINAL_QUEUE, QUEUE);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"type\": \"stock.low\", \"data\": ");

        assertLaterEventStillFlows();
    }

    @Test
    void schemaViolatingEventIsDeadLetteredAtOnceWithTheViolationsAndLaterEventsStillFlow() {
        String wrongType = exampleJson(EventType.STOCK_LOW, root -> ((ObjectNode) root.get("data")).put("currentQuantity", "five"));

        sendRaw(QUEUE, wrongType);

        Message dead = eventBusRabbitTemplate.receive(DLQ, 20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "SCHEMA_VIOLATION")
                .containsEntry(FailureHeaders.ATTEMPTS, 1);
        assertThat(dead.getMessageProperties().getHeaders().get(FailureHeaders.EXCEPTION_MESSAGE).toString())
                .contains("$.data.currentQuantity");

        assertLaterEventStillFlows();
    }

    @Test
    void eventOfAnUnknownVersionIsDeadLetteredAtOnce() {
        String version2 = exampleJson(EventType.STOCK_LOW, root -> root.put("version", 2));

        sendRaw(QUEUE, version2);

        Message dead = eventBusRabbitTemplate.receive(DLQ, 20_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "UNSUPPORTED_VERSION");
    }

    @Test
    void messageIsNotAckedWhileItsDeadLetterCopyCannotBeConfirmed() {
        String queue = queueOf(EventType.TASK_COMPLETED);
        String dlq = QueueNames.deadLetter(queue);
        eventBusRabbitAdmin.deleteQueue(dlq);
        double refusedBefore = failures(queue);

        sendRaw(queue, "not json at all");

        // The copy is returned as unroutable, so the original goes back onto its queue, again and again.
        await().atMost(Duration.ofSeconds(20)).until(() -> failures(queue) >= refusedBefore + 2);
        assertThat(eventBusRabbitAdmin.getQueueInfo(dlq)).isNull();

        new TopologyDeclarer(eventBusRabbitAdmin, settings.properties())
                .declare(List.of(handlers.binding(EventType.TASK_COMPLETED).orElseThrow()));
        Message dead = eventBusRabbitTemplate.receive(dlq, 20_000);
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("not json at all");
    }

    private double failures(String queue) {
        return metrics.registry().find("collector.events.copy_refused").tag("consumer", queue).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private void assertLaterEventStillFlows() {
        EventEnvelope<?> good = publishInTransaction(example(EventType.STOCK_LOW, newTenant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(good.eventId().toString()) == 1);
    }
}
