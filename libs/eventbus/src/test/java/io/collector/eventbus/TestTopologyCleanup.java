package io.collector.eventbus;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes a test run's queues, exchange and schema when its context closes, so runs leave nothing
 * behind. The lifecycle stop in phase 0 of a closing context runs after the consumers and the relay
 * stopped and before any bean (the connection factory included) is destroyed. A stop without a
 * close is the test framework pausing an idle cached context: then everything stays.
 */
@Component
@ConditionalOnProperty(name = "bustest.cleanup", havingValue = "true", matchIfMissing = true)
class TestTopologyCleanup implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private final HandlerRegistry handlers;
    private final ObjectProvider<RabbitAdmin> admin;
    private final JdbcClient jdbc;
    private final String exchange;
    private final String schema;
    private volatile boolean running;
    private volatile boolean closing;

    TestTopologyCleanup(HandlerRegistry handlers, ObjectProvider<RabbitAdmin> admin, JdbcClient jdbc,
                        @Value("${collector.eventbus.exchange}") String exchange,
                        @Value("${collector.eventbus.schema}") String schema) {
        this.handlers = handlers;
        this.admin = admin;
        this.jdbc = jdbc;
        this.exchange = exchange;
        this.schema = schema;
    }

    @Override
    public void start() {
        running = true;
    }

    /** A paused context is closed without another stop: it has nothing running, so clean up now. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
        if (!running) {
            removeAll();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (closing) {
            removeAll();
        }
    }

    private void removeAll() {
        admin.ifAvailable(this::removeQueues);
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private void removeQueues(RabbitAdmin admin) {
        handlers.bindings().forEach(binding -> {
            admin.deleteQueue(binding.queue());
            for (int n = 1; n <= binding.maxRetries(); n++) {
                admin.deleteQueue(QueueNames.retry(binding.queue(), n));
            }
            admin.deleteQueue(QueueNames.deadLetter(binding.queue()));
        });
        admin.deleteExchange(exchange);
    }
}
