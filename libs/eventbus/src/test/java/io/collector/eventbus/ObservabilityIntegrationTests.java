package io.collector.eventbus;

import io.collector.eventbus.observability.BacklogMonitor;
import io.collector.eventbus.observability.BrokerHealthIndicator;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.observability.OutboxHealthIndicator;
import io.collector.eventbus.observability.TraceParent;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ObservabilityIntegrationTests extends BusIntegrationTest {

    @Autowired EventBusMetrics metrics;
    @Autowired BacklogMonitor backlog;
    @Autowired OutboxHealthIndicator outboxHealth;
    @Autowired BrokerHealthIndicator brokerHealth;

    @Test
    void handlerRunsWithTheEventsLogContext() {
        EventEnvelope<?> event = publishInTransaction(example(EventType.EMPLOYEE_HIRED, newTenant()));
        String key = event.eventId().toString();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(key) == 1);

        assertThat(script.logContext(key))
                .containsEntry("correlationId", event.correlationId())
                .containsEntry("tenantId", event.tenantId())
                .containsEntry("eventType", "employee.hired")
                .containsEntry("source", event.source())
                .containsEntry("eventId", key)
                .containsKey("traceId");
    }

    @Test
    void traceOfAHandledEventContinuesInTheEventsItPublishes() {
        String tenant = newTenant();
        EventEnvelope<?> offer = example(EventType.OFFER_APPROVED, tenant);
        script.publishFollowUp(offer.eventId().toString());

        publishInTransaction(offer);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.correlationIds("order.created", tenant).size() == 1);
        String offerTrace = traceparentOf("offer.approved", tenant);
        String orderTrace = traceparentOf("order.created", tenant);
        assertThat(TraceParent.traceId(orderTrace)).isEqualTo(TraceParent.traceId(offerTrace)).isNotNull();
        assertThat(orderTrace).isNotEqualTo(offerTrace);
    }

    @Test
    void countersAndTimersDescribeTheFlow() {
        EventEnvelope<?> event = publishInTransaction(example(EventType.ORDER_CONFIRMED, newTenant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(event.eventId().toString()) == 1);
        MeterRegistry registry = metrics.registry();
        String consumer = queueOf(EventType.ORDER_CONFIRMED);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(registry.get("collector.events.published").tags("service", SERVICE, "type", "order.confirmed").counter().count()).isPositive();
            assertThat(registry.get("collector.events.consumed").tags("consumer", consumer, "type", "order.confirmed").counter().count()).isPositive();
            assertThat(registry.get("collector.events.processing").tags("consumer", consumer).timer().count()).isPositive();
            assertThat(registry.get("collector.events.end_to_end").tags("consumer", consumer).timer().count()).isPositive();
        });
    }

    @Test
    void backlogGaugesShowTheOutboxAndDeadLetterQueues() {
        backlog.refresh();
        MeterRegistry registry = metrics.registry();

        assertThat(registry.get("collector.outbox.pending").tag("service", SERVICE).gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(registry.get("collector.outbox.oldest.age.seconds").tag("service", SERVICE).gauge()).isNotNull();
        assertThat(registry.get("collector.dlq.depth").tag("queue", QueueNames.deadLetter(queueOf(EventType.STOCK_LOW))).gauge())
                .isNotNull();
    }

    @Test
    void healthIsUpWithTheBrokerConnectedAndTheOutboxDraining() {
        assertThat(outboxHealth.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(brokerHealth.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(brokerHealth.health(true).getDetails()).containsKey("idleConsumers");
    }

    private String traceparentOf(String type, String tenant) {
        return jdbc.sql("select traceparent from " + SCHEMA + ".outbox where event_type = ? and tenant_id = ?")
                .params(type, tenant).query(String.class).single();
    }
}
