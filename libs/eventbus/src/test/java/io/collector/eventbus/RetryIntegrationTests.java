package io.collector.eventbus;

import io.collector.eventbus.inbound.FailureHeaders;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetryIntegrationTests extends BusIntegrationTest {

    @Test
    void handlerFailingTwiceThenSucceedingTakesThreeAttemptsAndHasOneEffect() {
        EventEnvelope<?> event = example(EventType.DELIVERY_CONFIRMED, newTenant());
        String key = event.eventId().toString();
        script.failTimes(key, 2);

        publishInTransaction(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(key) == 1);
        assertThat(script.attempts(key)).isEqualTo(3);
        assertThat(eventBusRabbitTemplate.receive(QueueNames.deadLetter(queueOf(EventType.DELIVERY_CONFIRMED)), 500)).isNull();
    }

    @Test
    void handlerAlwaysFailingIsTriedOncePlusThreeRetriesThenDeadLettered() {
        EventEnvelope<?> event = example(EventType.INVOICE_ISSUED, newTenant());
        String key = event.eventId().toString();
        script.failAlways(key);
        Instant published = Instant.now();

        publishInTransaction(event);

        Message dead = awaitDeadLetter(EventType.INVOICE_ISSUED);
        Map<String, Object> headers = dead.getMessageProperties().getHeaders();
        assertThat(headers).containsEntry(FailureHeaders.EXCEPTION_CLASS, IllegalStateException.class.getName())
                .containsEntry(FailureHeaders.EXCEPTION_MESSAGE, "scripted failure of " + key)
                .containsEntry(FailureHeaders.ATTEMPTS, 4)
                .containsEntry(FailureHeaders.ORIGINAL_QUEUE, queueOf(EventType.INVOICE_ISSUED))
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "RETRIES_EXHAUSTED");
        Instant first = Instant.parse(headers.get(FailureHeaders.FIRST_FAILURE_AT).toString());
        Instant last = Instant.parse(headers.get(FailureHeaders.LAST_FAILURE_AT).toString());
        // Three delays of 200, 400 and 800 ms lie between the first and the last failure.
        assertThat(first).isAfterOrEqualTo(published.minusSeconds(1));
        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(key);
        assertThat(script.attempts(key)).isEqualTo(4);
        assertThat(effects.count(key)).isZero();
        assertThat(eventBusRabbitTemplate.receive(QueueNames.deadLetter(queueOf(EventType.INVOICE_ISSUED)), 1000)).isNull();
    }

    @Test
    void oneFailingEventInABatchNeitherHoldsUpNorDoublesTheOthers() {
        String tenant = newTenant();
        java.util.List<EventEnvelope<?>> events = examples(EventType.ORDER_CONFIRMED, tenant, 20);
        String failing = events.get(7).eventId().toString();
        script.failAlways(failing);

        // One transaction: the twenty arrive together and are consumed as one batch.
        transaction.executeWithoutResult(status -> events.forEach(publisher::publish));

        Message dead = awaitDeadLetter(EventType.ORDER_CONFIRMED);
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(failing);
        assertThat(script.attempts(failing)).as("one handler call per delivery").isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.distinctByTenant(tenant) == 19);
        assertThat(effects.countByTenant(tenant)).isEqualTo(19);
    }

    @Test
    void handlerThrowingAnErrorIsRetriedAndDeadLetteredLikeAnExceptionWhileTheOthersFlow() {
        String tenant = newTenant();
        java.util.List<EventEnvelope<?>> events = examples(EventType.STOCK_LOW, tenant, 10);
        String failing = events.get(3).eventId().toString();
        script.throwError(failing);

        transaction.executeWithoutResult(status -> events.forEach(publisher::publish));

        Message dead = awaitDeadLetter(EventType.STOCK_LOW);
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(failing);
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(FailureHeaders.EXCEPTION_CLASS, AssertionError.class.getName())
                .containsEntry(FailureHeaders.ATTEMPTS, 4)
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "RETRIES_EXHAUSTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.distinctByTenant(tenant) == 9);
        assertThat(effects.countByTenant(tenant)).isEqualTo(9);
        String later = newTenant();
        publishInTransaction(example(EventType.STOCK_LOW, later));
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.distinctByTenant(later) == 1);
    }

    @Test
    void handlerWithItsOwnRetryLimitIsDeadLetteredAfterIt() {
        EventEnvelope<?> event = example(EventType.PAYROLL_PROCESSED, newTenant());
        String key = event.eventId().toString();
        script.failAlways(key);

        publishInTransaction(event);

        Message dead = awaitDeadLetter(EventType.PAYROLL_PROCESSED);
        assertThat(dead.getMessageProperties().getHeaders()).containsEntry(FailureHeaders.ATTEMPTS, 2);
        assertThat(script.attempts(key)).isEqualTo(2);
    }

    @Test
    void permanentFailureGoesToTheDeadLetterQueueWithoutRetries() {
        EventEnvelope<?> event = example(EventType.INVOICE_PAID, newTenant());
        String key = event.eventId().toString();
        script.failPermanently(key);

        publishInTransaction(event);

        Message dead = awaitDeadLetter(EventType.INVOICE_PAID);
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(FailureHeaders.DEAD_LETTER_REASON, "PERMANENT_FAILURE")
                .containsEntry(FailureHeaders.ATTEMPTS, 1)
                .containsEntry(FailureHeaders.EXCEPTION_CLASS, PermanentEventFailure.class.getName());
        await().atMost(Duration.ofSeconds(5)).until(() -> script.attempts(key) == 1);
        assertThat(effects.count(key)).isZero();
    }

    private static java.util.List<EventEnvelope<?>> examples(EventType type, String tenant, int count) {
        java.util.List<EventEnvelope<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(example(type, tenant));
        }
        return events;
    }

    /** The one message the type's DLQ receives within 20 s. */
    private Message awaitDeadLetter(EventType type) {
        Message dead = eventBusRabbitTemplate.receive(QueueNames.deadLetter(queueOf(type)), 20_000);
        assertThat(dead).as("a message in the DLQ of " + type.wireName()).isNotNull();
        return dead;
    }
}
