package io.collector.inventory;

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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The testkit's {@code EventCapture} on a plain auto-delete queue. {@code EventCapture} declares a
 * Spring AMQP {@code AnonymousQueue}, whose {@code x-queue-leader-locator} argument RabbitMQ 3.10
 * (the test machines' broker) refuses for classic queues with PRECONDITION_FAILED.
 */
final class CapturedEvents implements AutoCloseable {

    private final List<EventEnvelope<?>> events = new CopyOnWriteArrayList<>();
    private final RabbitAdmin admin;
    private final Queue queue;
    private final SimpleMessageListenerContainer container;

    private CapturedEvents(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        admin = new RabbitAdmin(connectionFactory);
        queue = new Queue("inventory-capture-" + UUID.randomUUID(), false, false, true);
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

    /** Captures the given types published to {@code exchange} from now on. */
    static CapturedEvents of(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        return new CapturedEvents(connectionFactory, exchange, types);
    }

    /** The captured events of one payload type that match, in arrival order. */
    @SuppressWarnings("unchecked")
    <T extends EventPayload> List<EventEnvelope<T>> events(Class<T> payloadType, Predicate<T> matching) {
        String type = EventType.ofPayload(payloadType).wireName();
        return events.stream().filter(e -> e.type().equals(type)).map(e -> (EventEnvelope<T>) e)
                .filter(e -> matching.test(e.data())).toList();
    }

    /** Waits, at most {@code timeout}, for the first matching event. */
    <T extends EventPayload> EventEnvelope<T> awaitOne(Class<T> payloadType, Predicate<T> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<EventEnvelope<T>> found = events(payloadType, matching);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("No matching " + EventType.ofPayload(payloadType).wireName() + " within " + timeout
                + "; captured: " + events.stream().map(EventEnvelope::type).toList());
    }

    @Override
    public void close() {
        container.stop();
        admin.deleteQueue(queue.getName());
    }
}
