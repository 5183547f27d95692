package io.collector.eventbus;

import io.collector.eventbus.inbound.Outcome.DeadLetterReason;
import io.collector.eventbus.testkit.EventBusTestKit;
import io.collector.eventbus.testkit.EventBusTestKit.Delivery;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;

import static io.collector.eventbus.BusIntegrationTest.example;
import static io.collector.eventbus.BusIntegrationTest.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

/** The test kit drives the same handlers through the same pipeline, with no broker in the context at all. */
@SpringBootTest(classes = BusTestApplication.class, properties = {
        "collector.eventbus.exchange=unused",
        "collector.eventbus.broker-enabled=false",
        "spring.autoconfigure.exclude=org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"})
class EventBusTestKitIntegrationTests {

    static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @DynamicPropertySource
    static void kitProperties(DynamicPropertyRegistry registry) {
        registry.add("collector.eventbus.service", () -> "kittest-" + RUN);
        registry.add("collector.eventbus.schema", () -> "kittest_" + RUN);
    }

    @Autowired EventBusTestKit kit;
    @Autowired Effects effects;
    @Autowired HandlerScript script;
    @Autowired ApplicationContext context;

    @Test
    void noBrokerIsInvolved() {
        assertThat(context.getBeansOfType(ConnectionFactory.class)).isEmpty();
    }

    @Test
    void deliveredEventIsHandledOnceAndItsRepeatIsADuplicate() {
        EventEnvelope<?> event = example(EventType.ORDER_CREATED, newTenant());

        assertThat(kit.deliver(event).handled()).isTrue();
        assertThat(kit.deliver(event).duplicate()).isTrue();
        assertThat(effects.count(event.eventId().toString())).isEqualTo(1);
    }

    @Test
    void failingTwiceThenSucceedingTakesThreeAttempts() {
        EventEnvelope<?> event = example(EventType.DELIVERY_CONFIRMED, newTenant());
        script.failTimes(event.eventId().toString(), 2);

        Delivery delivery = kit.deliver(event);

        assertThat(delivery.handled()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(effects.count(event.eventId().toString())).isEqualTo(1);
    }

    @Test
    void alwaysFailingIsDeadLetteredAfterOnePlusThreeAttempts() {
        EventEnvelope<?> event = example(EventType.INVOICE_ISSUED, newTenant());
        script.failAlways(event.eventId().toString());

        Delivery delivery = kit.deliver(event);

        assertThat(delivery.deadLetterReason()).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(effects.count(event.eventId().toString())).isZero();
    }

    @Test
    void malformedJsonIsDeadLetteredAtOnce() {
        Delivery delivery = kit.deliver(EventType.STOCK_LOW, "{oops".getBytes(StandardCharsets.UTF_8), null);

        assertThat(delivery.deadLetterReason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
        assertThat(delivery.attempts()).isEqualTo(1);
    }

    @Test
    void eventsAHandlerPublishesAreCapturedAndOnlyWhenItCommits() {
        String tenant = newTenant();
        EventEnvelope<?> committed = example(EventType.OFFER_APPROVED, tenant);
        script.publishFollowUp(committed.eventId().toString());
        EventEnvelope<?> rolledBack = example(EventType.OFFER_APPROVED, tenant);
        script.publishFollowUp(rolledBack.eventId().toString());
        script.failPermanently(rolledBack.eventId().toString());
        kit.takePublished();

        kit.deliver(committed);
        kit.deliver(rolledBack);

        var published = kit.published(OrderCreated.class);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).causationId()).isEqualTo(committed.eventId().toString());
        assertThat(published.get(0).correlationId()).isEqualTo(committed.correlationId());
        assertThat(kit.takePublished()).hasSize(1);
        assertThat(kit.published()).isEmpty();
    }
}
