package io.collector.offers;

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

/**
 * What the testkit's {@code EventCapture} does, on a plain exclusive queue: {@code EventCapture}
 * declares a Spring AMQP {@code AnonymousQueue}, which carries {@code x-queue-leader-locator}, an
 * argument RabbitMQ 3.10 refuses for classic queues (PRECONDITION_FAILED), so it cannot run on the
 * test machines' broker.
 */
public final class CapturedEvents implements AutoCloseable {

    private final List<EventEnvelope<?>> events = new CopyOnWriteArrayList<>();
    private final SimpleMessageListenerContainer container;
    private final RabbitAdmin admin;
    private final Queue queue;

    private CapturedEvents(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        admin = new RabbitAdmin(connectionFactory);
        queue = new Queue("capture-" + UUID.randomUUID(), false, false, true);
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

    /** Captures the given types from now on. */
    public static CapturedEvents of(ConnectionFactory connectionFactory, String exchange, EventType... types) {
        return new CapturedEvents(connectionFactory, exchange, types);
    }

    /** The captured events of one payload type that match, in arrival order. */
    @SuppressWarnings("unchecked")
    public <T extends EventPayload> List<EventEnvelope<T>> events(Class<T> payloadType, Predicate<T> matching) {
        String type = EventType.ofPayload(payloadType).wireName();
        return events.stream().filter(e -> e.type().equals(type)).map(e -> (EventEnvelope<T>) e)
                .filter(e -> matching.test(e.data())).toList();
    }

    /** Waits, at most {@code timeout}, for the first matching event. */
    public <T extends EventPayload> EventEnvelope<T> awaitOne(Class<T> payloadType, Predicate<T> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<EventEnvelope<T>> found = events(payloadType, matching);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
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
