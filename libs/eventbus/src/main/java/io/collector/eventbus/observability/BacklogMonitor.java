package io.collector.eventbus.observability;

import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.eventbus.topology.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes the backlog gauges (outbox pending and oldest age, DLQ depth per queue) every few
 * seconds, so a Prometheus scrape never waits on the database or the broker.
 */
public class BacklogMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacklogMonitor.class);

    private final OutboxStore outbox;
    private final HandlerRegistry handlers;
    private final RabbitAdmin admin;
    private final EventBusMetrics metrics;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public BacklogMonitor(OutboxStore outbox, HandlerRegistry handlers, RabbitAdmin admin, EventBusMetrics metrics, Duration interval) {
        this.outbox = outbox;
        this.handlers = handlers;
        this.admin = admin;
        this.metrics = metrics;
        this.interval = interval;
    }

    public void refresh() {
        try {
            Instant oldest = outbox.oldestPendingCreatedAt().orElse(null);
            metrics.outboxBacklog(outbox.pendingCount(), oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now()));
        } catch (RuntimeException e) {
            log.debug("Could not read the outbox backlog: {}", e.toString());
        }
        if (admin != null) {
            handlers.bindings().forEach(binding -> {
                String dlq = QueueNames.deadLetter(binding.queue());
                try {
                    QueueInformation info = admin.getQueueInfo(dlq);
                    if (info != null) {
                        metrics.dlqDepth(dlq, info.getMessageCount());
                    }
                } catch (RuntimeException e) {
                    log.debug("Could not read the depth of {}: {}", dlq, e.toString());
                }
            });
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventbus-backlog-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
