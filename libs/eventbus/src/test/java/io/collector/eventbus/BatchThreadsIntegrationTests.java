package io.collector.eventbus;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.events.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue's first batch thread takes every delivery; the others join only while it needs help (a full
 * batch waits behind its batch, or its batch takes long), so a consumer that keeps up does not wake a
 * second thread for each run of deliveries, and one whose handler is slow still handles side by side.
 */
class BatchThreadsIntegrationTests extends QueueConsumerIntegrationTest {

    private static final int BATCH_SIZE = 10;

    /** Event id → the thread that handled it. */
    private final Map<UUID, String> handledBy = new ConcurrentHashMap<>();
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private volatile UUID blocking;

    /** Lets a held handler go before the base class stops the consumer (JUnit runs this class's @AfterEach first). */
    @AfterEach
    void releaseAHeldHandler() {
        releaseFirst.countDown();
    }

    @Test
    void eventsArrivingWhileTheFirstThreadIsIdleAreHandledByItAlone() {
        startConsumer("keeps-up");
        String tenant = newTenant();

        for (int i = 1; i <= 5; i++) {
            send(tenant);
            int handled = i;
            // Committed (the metric counts after the commit): the first thread is waiting again.
            await().atMost(Duration.ofSeconds(20)).until(() -> consumed() == handled);
        }

        assertThat(handledBy.values()).hasSize(5).containsOnly(queue + "-1");
    }

    @Test
    void anEventWaitingBehindTheFirstThreadsLongBatchIsHandledByTheSecond() throws InterruptedException {
        startConsumer("behind-slow");
        String tenant = newTenant();
        sendFirstAndHoldItInItsHandler(tenant);

        send(tenant);

        // The first thread still waits in its handler: only the second can handle this one.
        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy.size() == 1);
        assertThat(handledBy.values()).containsOnly(queue + "-2");
        releaseFirst.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy.size() == 2);
        assertThat(handledBy.get(blocking)).isEqualTo(queue + "-1");
    }

    @Test
    void aFullBatchWaitingBehindTheFirstThreadIsHandledByTheSecond() throws InterruptedException {
        startConsumer("backlog");
        String tenant = newTenant();
        sendFirstAndHoldItInItsHandler(tenant);

        for (int i = 0; i < 3 * BATCH_SIZE; i++) {
            send(tenant);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy.size() == 3 * BATCH_SIZE);
        assertThat(handledBy.values()).containsOnly(queue + "-2");
        releaseFirst.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> handledBy.size() == 3 * BATCH_SIZE + 1);
    }

    private void startConsumer(String name) {
        EventBusProperties.Consumer settings = new EventBusProperties.Consumer();
        settings.setConcurrency(2);
        settings.setBatchSize(BATCH_SIZE);
        startConsumer("batchthreads-" + RUN + "." + name, settings, event -> {
            if (event.eventId().equals(blocking)) {
                firstEntered.countDown();
                awaitRelease();
            }
            handledBy.put(event.eventId(), Thread.currentThread().getName());
        });
    }

    /** Sends an event whose handler waits for {@link #releaseFirst}, and waits until the first thread is in it. */
    private void sendFirstAndHoldItInItsHandler(String tenant) throws InterruptedException {
        var first = example(EventType.ORDER_CREATED, tenant);
        blocking = first.eventId();
        sendRaw(queue, json(first), first.eventId().toString());
        assertThat(firstEntered.await(20, TimeUnit.SECONDS)).as("the first thread is in its handler").isTrue();
    }

    private void awaitRelease() {
        try {
            releaseFirst.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double consumed() {
        return metrics.registry().find("collector.events.consumed").tag("consumer", queue).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private void send(String tenant) {
        var event = example(EventType.ORDER_CREATED, tenant);
        sendRaw(queue, json(event), event.eventId().toString());
    }
}
