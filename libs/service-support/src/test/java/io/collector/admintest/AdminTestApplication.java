package io.collector.admintest;

import io.collector.eventbus.EventHandler;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.StockLow;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service with the event bus on the real broker and one handler, for the admin API's tests. In
 * a package of its own so that {@code SupportTestApplication} (broker disabled) does not scan it.
 */
@SpringBootApplication
public class AdminTestApplication {

    /** Handles stock.low; events whose id is in {@link #failing} fail permanently (straight to the DLQ). */
    @Component
    public static class StockLowHandler {

        final Set<UUID> failing = ConcurrentHashMap.newKeySet();
        final Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();

        @EventHandler
        void on(EventEnvelope<StockLow> event) {
            if (failing.contains(event.eventId())) {
                throw new PermanentEventFailure("stock.low " + event.eventId() + " is marked to fail");
            }
            handled.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        }

        int handled(UUID eventId) {
            AtomicInteger count = handled.get(eventId);
            return count == null ? 0 : count.get();
        }
    }

    /**
     * Removes the run's queues, exchange and schema when the context closes (as the bus's own
     * TestTopologyCleanup does): after consumers and relay stopped, before the connection closes.
     */
    @Component
    static class Cleanup implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

        private final HandlerRegistry handlers;
        private final ObjectProvider<RabbitAdmin> admin;
        private final JdbcClient jdbc;
        private final String exchange;
        private final String schema;
        private volatile boolean running;
        private volatile boolean closing;

        Cleanup(HandlerRegistry handlers, ObjectProvider<RabbitAdmin> admin, JdbcClient jdbc,
                @Value("${collector.eventbus.exchange}") String exchange, @Value("${collector.eventbus.schema}") String schema) {
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
            admin.ifAvailable(rabbit -> {
                handlers.bindings().forEach(binding -> {
                    rabbit.deleteQueue(binding.queue());
                    for (int n = 1; n <= binding.maxRetries(); n++) {
                        rabbit.deleteQueue(QueueNames.retry(binding.queue(), n));
                    }
                    rabbit.deleteQueue(QueueNames.deadLetter(binding.queue()));
                });
                rabbit.deleteExchange(exchange);
            });
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }
}
