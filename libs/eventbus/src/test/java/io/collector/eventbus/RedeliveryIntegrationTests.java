package io.collector.eventbus;

import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventType;
import io.collector.eventbus.observability.EventBusMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedeliveryIntegrationTests extends BusIntegrationTest {

    @Autowired EventBusMetrics metrics;

    @Test
    void duplicatePublishOfTheSameEventHasOneEffect() {
        EventEnvelope<?> event = example(EventType.ORDER_CONFIRMED, newTenant());
        double duplicatesBefore = duplicates(EventType.ORDER_CONFIRMED);

        publishInTransaction(event);
        publishInTransaction(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates(EventType.ORDER_CONFIRMED) > duplicatesBefore);
        assertThat(effects.count(event.eventId().toString())).isEqualTo(1);
    }

    @Test
    void redeliveredMessageHasNoSecondEffect() {
        EventEnvelope<?> event = example(EventType.DELIVERY_DISPATCHED, newTenant());
        String key = event.eventId().toString();
        script.failAfterCommit(key);
        double duplicatesBefore = duplicates(EventType.DELIVERY_DISPATCHED);

        publishInTransaction(event);

        // The effect committed but the ack never happened: the message comes back and meets the inbox.
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates(EventType.DELIVERY_DISPATCHED) > duplicatesBefore);
        assertThat(effects.count(key)).isEqualTo(1);
        assertThat(script.attempts(key)).isEqualTo(1);
    }

    @Test
    void eventWithoutEventIdIsDeduplicatedByItsMessageId() {
        String messageId = UUID.randomUUID().toString();
        byte[] specExample = EventExamples.load(EventType.EMPLOYEE_HIRED);
        double duplicatesBefore = duplicates(EventType.EMPLOYEE_HIRED);

        sendRaw(queueOf(EventType.EMPLOYEE_HIRED), specExample, messageId);
        sendRaw(queueOf(EventType.EMPLOYEE_HIRED), specExample, messageId);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates(EventType.EMPLOYEE_HIRED) > duplicatesBefore);
        assertThat(effects.count(messageId)).isEqualTo(1);
    }

    @Test
    void eventWithoutAnyIdIsDeduplicatedByItsBodyHash() {
        String tenant = newTenant();
        String body = exampleJson(EventType.TASK_COMPLETED, root -> root.put("tenantId", tenant));
        double duplicatesBefore = duplicates(EventType.TASK_COMPLETED);

        sendRaw(queueOf(EventType.TASK_COMPLETED), body);
        sendRaw(queueOf(EventType.TASK_COMPLETED), body);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates(EventType.TASK_COMPLETED) > duplicatesBefore);
        assertThat(effects.countByTenant(tenant)).isEqualTo(1);
    }

    private double duplicates(EventType type) {
        var counter = metrics.registry().find("collector.events.duplicates").tag("consumer", queueOf(type)).counter();
        return counter == null ? 0 : counter.count();
    }
}
