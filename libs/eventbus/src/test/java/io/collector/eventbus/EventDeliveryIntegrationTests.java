package io.collector.eventbus;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventDeliveryIntegrationTests extends BusIntegrationTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventPublishedThroughTheOutboxArrivesAtItsHandler(EventType type) {
        EventEnvelope<?> event = publishInTransaction(example(type, newTenant()));

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(event.eventId().toString()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutboxRows() == 0);
        assertThat(effects.correlationIds(type.wireName(), event.tenantId())).containsExactly(event.correlationId());
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String tenant = newTenant();
        EventEnvelope<?> rolledBack = example(EventType.ORDER_CREATED, tenant);

        transaction.executeWithoutResult(status -> {
            publisher.publish(rolledBack);
            status.setRollbackOnly();
        });
        EventEnvelope<?> committed = publishInTransaction(example(EventType.ORDER_CREATED, tenant));

        // The later, committed event arriving proves the relay ran past the point where the other would be.
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.count(committed.eventId().toString()) == 1);
        assertThat(effects.count(rolledBack.eventId().toString())).isZero();
        assertThat(jdbc.sql("select count(*) from " + SCHEMA + ".outbox where event_id = ?")
                .param(rolledBack.eventId()).query(Long.class).single()).isZero();
    }

    @Test
    void eventPublishedByAHandlerInheritsCorrelationAndNamesItsCause() {
        String tenant = newTenant();
        EventEnvelope<?> offer = example(EventType.OFFER_APPROVED, tenant);
        script.publishFollowUp(offer.eventId().toString());

        publishInTransaction(offer);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.correlationIds("order.created", tenant).size() == 1);
        assertThat(effects.correlationIds("order.created", tenant)).containsExactly(offer.correlationId());
        String causation = jdbc.sql("select convert_from(payload, 'UTF8')::json->>'causationId' from " + SCHEMA
                + ".outbox where event_type = 'order.created' and tenant_id = ?").param(tenant).query(String.class).single();
        assertThat(causation).isEqualTo(offer.eventId().toString());
    }
}
