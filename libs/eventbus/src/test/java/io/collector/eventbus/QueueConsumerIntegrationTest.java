package io.collector.eventbus;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.inbound.EventDispatcher;
import io.collector.eventbus.inbound.FailureRouter;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.QueueConsumer;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.events.EventType;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

/**
 * Tests of one {@link QueueConsumer} on a classic queue of its own (rabbitmqctl reports a classic
 * queue's unacked count as it is, a quorum queue's from periodic stats), stopped and deleted after
 * each test.
 */
abstract class QueueConsumerIntegrationTest extends BusIntegrationTest {

    @Autowired CachingConnectionFactory eventBusConnectionFactory;
    @Autowired EventDispatcher dispatcher;
    @Autowired EventBusMetrics metrics;

    QueueConsumer consumer;
    String queue;

    @AfterEach
    void stopConsumer() {
        if (consumer != null) {
            consumer.stop();
        }
        if (queue != null) {
            eventBusRabbitAdmin.deleteQueue(queue);
        }
    }

    /** Declares {@code queue} and starts a consumer of its {@code order.created} events with these settings. */
    void startConsumer(String queueName, EventBusProperties.Consumer settings, HandlerBinding.Invoker handler) {
        queue = queueName;
        eventBusRabbitAdmin.declareQueue(new Queue(queue, true, false, false, Map.of("x-queue-type", "classic")));
        HandlerBinding binding = new HandlerBinding(EventType.ORDER_CREATED, queue, 0, handler);
        consumer = new QueueConsumer(binding, dispatcher, new FailureRouter(eventBusRabbitTemplate, Duration.ofSeconds(5), metrics),
                eventBusConnectionFactory, settings);
        consumer.start();
    }
}
