package io.collector.service.testkit;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes a test run's queues and schema when its context closes. It runs as the last lifecycle
 * stop of a closing context (after consumers and relay, before the connection factory is
 * destroyed), or at the close event of a context the test framework had paused. A stop without a
 * close is such a pause: then everything stays.
 */
public class TestRunCleanup implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    /** The contexts of this JVM's run not yet cleaned up: the last one takes the run's exchange along. */
    private static final Set<TestRunCleanup> LIVE = ConcurrentHashMap.newKeySet();

    private final HandlerRegistry handlers;
    private final ObjectProvider<RabbitAdmin> admin;
    private final JdbcClient jdbc;
    private final String schema;
    private volatile boolean running;
    private volatile boolean closing;

    public TestRunCleanup(HandlerRegistry handlers, ObjectProvider<RabbitAdmin> admin, JdbcClient jdbc, String schema) {
        this.handlers = handlers;
        this.admin = admin;
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public void start() {
        running = true;
        LIVE.add(this);
    }

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

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private void removeAll() {
        LIVE.remove(this);
        admin.ifAvailable(this::removeQueues);
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    private void removeQueues(RabbitAdmin admin) {
        handlers.bindings().forEach(binding -> {
            admin.deleteQueue(binding.queue());
            for (int n = 1; n <= binding.maxRetries(); n++) {
                admin.deleteQueue(QueueNames.retry(binding.queue(), n));
            }
            admin.deleteQueue(QueueNames.deadLetter(binding.queue()));
        });
        // The run's exchange goes with the last of its services; "if unused" still guards it against a
        // queue of this run bound without a cleanup (an event capture, say), which then keeps it.
        if (LIVE.isEmpty()) {
            try {
                admin.getRabbitTemplate().execute(channel -> channel.exchangeDelete(TestRun.EXCHANGE, true));
            } catch (RuntimeException stillInUse) {
                // still bound: the exchange stays, which costs the broker no file handle
            }
        }
    }
}
