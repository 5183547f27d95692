package io.collector.eventbus.inbound;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.topology.TopologyDeclarer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.context.SmartLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Declares the topology of this service's handlers and runs one {@link QueueConsumer} per handler, on
 * the consumers' own connection ({@link ConsumerConnection}), which it closes when it stops.
 */
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final HandlerRegistry registry;
    private final TopologyDeclarer topology;
    private final EventDispatcher dispatcher;
    private final FailureRouter failures;
    private final CachingConnectionFactory consumerConnection;
    private final EventBusProperties properties;
    private final List<QueueConsumer> consumers = new ArrayList<>();
    private volatile boolean running;

    public EventConsumers(HandlerRegistry registry, TopologyDeclarer topology, EventDispatcher dispatcher,
                          FailureRouter failures, CachingConnectionFactory consumerConnection, EventBusProperties properties) {
        this.registry = registry;
        this.topology = topology;
        this.dispatcher = dispatcher;
        this.failures = failures;
        this.consumerConnection = consumerConnection;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        var bindings = registry.bindings();
        topology.declare(bindings);
        for (HandlerBinding binding : bindings) {
            QueueConsumer consumer = new QueueConsumer(binding, dispatcher, failures, consumerConnection, properties.getConsumer());
            consumer.start();
            consumers.add(consumer);
        }
        running = true;
        log.info("Service '{}' consumes {} on exchange '{}'", properties.getService(),
                bindings.stream().map(HandlerBinding::queue).toList(), properties.getExchange());
    }

    @Override
    public synchronized void stop() {
        consumers.forEach(QueueConsumer::beginStop);
        consumers.forEach(QueueConsumer::awaitStop);
        consumers.clear();
        consumerConnection.resetConnection();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the relay and stops before it, so events published by handlers still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Queues whose consumer is not currently attached to the broker. */
    public synchronized List<String> idleQueues() {
        return consumers.stream().filter(c -> !c.isRunning()).map(c -> c.binding().queue()).toList();
    }
}
