package io.collector.eventbus;

import io.collector.eventbus.config.EventBusAutoConfiguration.EventBusSettings;
import io.collector.eventbus.inbound.EventConsumers;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.TopologyDeclarer;
import io.collector.events.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer the broker cancelled (its queue deleted) consumes its queue again once the queue is back. */
class ConsumerRecoveryIntegrationTests extends BusIntegrationTest {

    @Autowired RabbitAdmin eventBusRabbitAdmin;
    @Autowired HandlerRegistry registry;
    @Autowired EventConsumers consumers;
    @Autowired EventBusSettings settings;

    @Test
    void aConsumerWhoseQueueWasDeletedConsumesItAgainOnceItIsDeclaredAgain() {
        HandlerBinding binding = registry.bindings().stream()
                .filter(candidate -> candidate.type() == EventType.TASK_COMPLETED).findFirst().orElseThrow();

        eventBusRabbitAdmin.deleteQueue(binding.queue());

        await().atMost(Duration.ofSeconds(10)).until(() -> consumers.idleQueues().contains(binding.queue()));

        new TopologyDeclarer(eventBusRabbitAdmin, settings.properties()).declare(List.of(binding));
        String tenant = newTenant();
        publishInTransaction(example(EventType.TASK_COMPLETED, tenant));

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.distinctByTenant(tenant) == 1);
        assertThat(consumers.idleQueues()).isEmpty();
    }
}
