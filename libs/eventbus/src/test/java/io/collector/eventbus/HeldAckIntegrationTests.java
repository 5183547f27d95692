package io.collector.eventbus;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.events.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * The consumer holds the acks of handled batches back (consumer.ack-delay) to send them as one
 * basic.ack(multiple): that must never stall a consumer whose prefetch is small, and the held ack
 * must reach the broker once the consumer has nothing else to do.
 */
class HeldAckIntegrationTests extends QueueConsumerIntegrationTest {

    private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

    @Test
    void anAckDelayLongerThanTheTestNeverStallsAConsumerWhosePrefetchIsSmall() {
        startConsumer("stall", 10, Duration.ofHours(1));

        send(100);

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 100);
    }

    @Test
    void theHeldAckReachesTheBrokerOnceTheConsumerIsIdle() {
        startConsumer("idle", 250, Duration.ofSeconds(1));

        send(20);

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 20);
        await().atMost(Duration.ofSeconds(20)).until(() -> unacknowledged(queue) == 0);
    }

    private void startConsumer(String name, int prefetch, Duration ackDelay) {
        EventBusProperties.Consumer settings = new EventBusProperties.Consumer();
        settings.setPrefetch(prefetch);
        settings.setConcurrency(1);
        settings.setAckDelay(ackDelay);
        startConsumer("heldack-" + RUN + "." + name, settings, event -> handled.add(event.eventId()));
    }

    private void send(int events) {
        String tenant = newTenant();
        for (int i = 0; i < events; i++) {
            var event = example(EventType.ORDER_CREATED, tenant);
            sendRaw(queue, json(event), event.eventId().toString());
        }
    }

    private static long unacknowledged(String queue) {
        return brokerListing("list_queues", "name", "messages_unacknowledged").stream()
                .filter(row -> row[0].equals(queue)).map(row -> Long.parseLong(row[1].trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("rabbitmqctl does not list " + queue));
    }
}
