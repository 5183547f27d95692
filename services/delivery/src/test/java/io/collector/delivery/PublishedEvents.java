package io.collector.delivery;

import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What the service published, seen like one more consumer would see it. Stands in for the
 * testkit's {@code EventCapture}, whose {@code AnonymousQueue} carries {@code x-queue-leader-locator},
 * an argument RabbitMQ before 3.12 refuses for classic queues (3.10.8 runs on our machines): this one
 * declares a plain exclusive, auto-delete queue. Close it to remove the queue.
 */
final class PublishedEvents implements AutoCloseable {

    private final List<EventEnvelope<?>> events = new CopyOnWriteArrayList<>();
    private final RabbitAdmin admin;
    private final Queue queue;
    private final SimpleMessageListenerContainer container;

    private PublishedEvents(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        admin = new RabbitAdmin(connectionFactory);
        queue = new Queue("delivery-test-capture-" + UUID.randomUUID(), false, true, true);
        admin.declareQueue(queue);
        for (EventType type : types) {
            admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(type.wireName()));
        }
        container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(queue);
        container.setMessageListener(message -> events.add(EventReader.read(message.getBody())));
        container.afterPropertiesSet();
        container.start();
    }

    /** Captures the given types from now on; create it before the action whose events you expect. */
    static PublishedEvents of(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        return new PublishedEvents(connectionFactory, exchange, types);
    }

    /** Waits, at most {@code timeout}, for the first matching event of the payload type. */
    @SuppressWarnings("unchecked")
    <T extends EventPayload> EventEnvelope<T> awaitOne(Class<T> payloadType, Predicate<T> matching, Duration timeout) {
        String type = EventType.ofPayload(payloadType).wireName();
        Predicate<EventEnvelope<?>> wanted = e -> e.type().equals(type) && matching.test((T) e.data());
        await().atMost(timeout).until(() -> events.stream().anyMatch(wanted));
        return (EventEnvelope<T>) events.stream().filter(wanted).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        container.stop();
        admin.deleteQueue(queue.getName());
    }
}
