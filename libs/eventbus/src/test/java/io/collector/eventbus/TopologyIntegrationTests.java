package io.collector.eventbus;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.config.EventBusProperties.QueueType;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.topology.QueueNames;
import io.collector.eventbus.topology.TopologyDeclarer;
import io.collector.events.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopologyIntegrationTests extends BusIntegrationTest {

    @Test
    void everyHandlerHasItsQueueDelayQueuesAndDeadLetterQueueAsQuorumQueues() {
        Map<String, String> types = queueTypes();
        String queue = queueOf(EventType.ORDER_CREATED);

        assertThat(types).containsEntry(queue, "quorum")
                .containsEntry(QueueNames.retry(queue, 1), "quorum")
                .containsEntry(QueueNames.retry(queue, 3), "quorum")
                .containsEntry(QueueNames.deadLetter(queue), "quorum")
                .doesNotContainKey(QueueNames.retry(queue, 4));
        assertThat(types).containsKey(QueueNames.retry(queueOf(EventType.PAYROLL_PROCESSED), 1))
                .doesNotContainKey(QueueNames.retry(queueOf(EventType.PAYROLL_PROCESSED), 2));
        assertThat(handlers.bindings()).hasSize(EventType.values().length);
    }

    @Test
    void declaringTheSameTopologyAgainIsHarmless() {
        EventBusProperties properties = properties(SERVICE, QueueType.QUORUM);

        new TopologyDeclarer(eventBusRabbitAdmin, properties).declare(handlers.bindings());

        assertThat(eventBusRabbitAdmin.getQueueInfo(queueOf(EventType.ORDER_CREATED))).isNotNull();
    }

    @Test
    void queuesAreClassicByConfiguration() {
        String service = SERVICE + "-classic";
        HandlerBinding binding = new HandlerBinding(EventType.STOCK_LOW, QueueNames.queue(service, "stock.low"), 1, event -> { });
        try {
            new TopologyDeclarer(eventBusRabbitAdmin, properties(service, QueueType.CLASSIC)).declare(List.of(binding));

            assertThat(queueTypes()).containsEntry(binding.queue(), "classic")
                    .containsEntry(QueueNames.retry(binding.queue(), 1), "classic")
                    .containsEntry(QueueNames.deadLetter(binding.queue()), "classic");
        } finally {
            eventBusRabbitAdmin.deleteQueue(binding.queue());
            eventBusRabbitAdmin.deleteQueue(QueueNames.retry(binding.queue(), 1));
            eventBusRabbitAdmin.deleteQueue(QueueNames.deadLetter(binding.queue()));
        }
    }

    @Test
    void conflictingDeclarationFailsNamingTheQueue() {
        TopologyDeclarer classic = new TopologyDeclarer(eventBusRabbitAdmin, properties(SERVICE, QueueType.CLASSIC));

        assertThatThrownBy(() -> classic.declare(handlers.bindings()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not declare the queues of " + SERVICE + ".");
    }

    private static EventBusProperties properties(String service, QueueType queueType) {
        EventBusProperties properties = new EventBusProperties();
        properties.setService(service);
        properties.setExchange(EXCHANGE);
        properties.setQueueType(queueType);
        properties.getRetry().setInitialDelay(java.time.Duration.ofMillis(200));
        properties.getRetry().setMultiplier(2);
        properties.setQueueExpires(java.time.Duration.ofMinutes(10));
        return properties;
    }

    private static Map<String, String> queueTypes() {
        return brokerListing("list_queues", "name", "type").stream()
                .collect(Collectors.toMap(columns -> columns[0], columns -> columns[1].trim(), (a, b) -> a));
    }
}
