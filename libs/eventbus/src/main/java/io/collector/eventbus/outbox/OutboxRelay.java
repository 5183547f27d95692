package io.collector.eventbus.outbox;

import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.observability.EventLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends pending outbox rows with publisher confirms and mandatory routing. A batch is locked
 * ({@code FOR UPDATE SKIP LOCKED}), sent, and its rows marked in the same transaction once the broker
 * answered: confirmed rows become SENT; nacked, returned (unroutable) or unconfirmed rows stay
 * PENDING with a growing backoff. If the marking transaction fails after the broker confirmed, the
 * rows are sent again later; consumers' inboxes make that harmless.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final OutboxStore store;
    private final RelaySignal signal;
    private final RabbitTemplate rabbit;
    private final TransactionTemplate transaction;
    private final EventBusMetrics metrics;
    private final EventBusProperties properties;
    private volatile Thread worker;
    private volatile boolean running;
    private Instant nextPurge = Instant.now();

    public OutboxRelay(OutboxStore store, RelaySignal signal, RabbitTemplate rabbit, TransactionTemplate transaction,
                       EventBusMetrics metrics, EventBusProperties properties) {
        this.store = store;
        this.signal = signal;
        this.rabbit = rabbit;
        this.transaction = transaction;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay-" + properties.getService());
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.getOutbox().getConfirmTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the consumers and stops after them, so events their handlers publish still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private void run() {
        Duration pause = Duration.ZERO;
        while (running) {
            try {
                signal.await(pause.isZero() ? properties.getOutbox().getPollInterval() : pause);
                drain();
                purgeWhenDue();
                pause = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database or broker down: keep the rows pending and try again after a pause.
                log.warn("Outbox relay of {} failed, retrying in 1 s: {}", properties.getService(), e.toString());
                pause = Duration.ofSeconds(1);
            }
        }
    }

    /**
     * Sends batches while they get somewhere: it stops when nothing is due (or another relay holds
     * what is) or when a whole batch failed, which leaves the rows to their backoff.
     */
    public void drain() {
        int confirmed;
        do {
            confirmed = sendBatch(properties.getOutbox().getBatchSize());
        } while (confirmed > 0 && !Thread.currentThread().isInterrupted());
    }

    /** Sends one batch; returns how many rows the broker confirmed. */
    int sendBatch(int limit) {
        Integer confirmed = transaction.execute(status -> {
            List<OutboxRow> rows = store.lockDue(limit);
            return rows.isEmpty() ? 0 : settle(rows, send(rows));
        });
        return confirmed == null ? 0 : confirmed;
    }

    private List<CorrelationData> send(List<OutboxRow> rows) {
        List<CorrelationData> confirms = new ArrayList<>(rows.size());
        try {
            // One channel for the whole batch keeps the rows in order on the wire.
            rabbit.invoke(operations -> {
                for (OutboxRow row : rows) {
                    CorrelationData confirm = new CorrelationData(Long.toString(row.id()));
                    confirms.add(confirm);
                    operations.send(properties.getExchange(), row.eventType(), toMessage(row), confirm);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Broker refused an outbox batch of {} after {} of {} rows: {}", properties.getService(),
                    confirms.size(), rows.size(), e.toString());
        }
        return confirms;
    }

    private int settle(List<OutboxRow> rows, List<CorrelationData> confirms) {
        long deadline = System.nanoTime() + properties.getOutbox().getConfirmTimeout().toNanos();
        List<Long> sent = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            String failure = i < confirms.size() ? awaitConfirm(confirms.get(i), deadline) : "not sent: broker unavailable";
            if (failure == null) {
                sent.add(row.id());
                metrics.published(row.eventType());
                logSent(row);
            } else {
                metrics.publishFailed(row.eventType());
                store.markFailed(row.id(), failure, backoff(row.attempts()));
                log.warn("Outbox row {} ({} {}) stays pending: {}", row.id(), row.eventType(), row.eventId(), failure);
            }
        }
        store.markSent(sent);
        return sent.size();
    }

    /** Null when the broker confirmed and routed the message, else why not. */
    private static String awaitConfirm(CorrelationData confirm, long deadlineNanos) {
        try {
            CorrelationData.Confirm answer = confirm.getFuture()
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!answer.ack()) {
                return "nacked by the broker" + (answer.reason() != null ? ": " + answer.reason() : " (a queue refused it, e.g. full with overflow reject-publish)");
            }
            if (confirm.getReturned() != null) {
                return "returned as unroutable (no queue bound for routing key " + confirm.getReturned().getRoutingKey()
                        + "): " + confirm.getReturned().getReplyText();
            }
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            return "no publisher confirm within the timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the publisher confirm";
        } catch (java.util.concurrent.ExecutionException e) {
            return "publish failed: " + e.getCause();
        }
    }

    private Duration backoff(int previousAttempts) {
        EventBusProperties.Outbox outbox = properties.getOutbox();
        long millis = outbox.getRetryInitialBackoff().toMillis() << Math.min(previousAttempts, 20);
        return Duration.ofMillis(Math.min(millis, outbox.getRetryMaxBackoff().toMillis()));
    }

    private Message toMessage(OutboxRow row) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setContentEncoding("UTF-8");
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setMessageId(row.eventId().toString());
        props.setCorrelationId(row.correlationId());
        props.setType(row.eventType());
        props.setTimestamp(Date.from(row.createdAt()));
        props.setAppId(properties.getSource());
        props.setHeader("x-tenant-id", row.tenantId());
        props.setHeader("x-source", properties.getSource());
        if (row.traceparent() != null) {
            props.setHeader("traceparent", row.traceparent());
        }
        return new Message(row.payload(), props);
    }

    private void logSent(OutboxRow row) {
        if (log.isInfoEnabled()) {
            try (var ignored = EventLogContext.open(row.eventType(), row.tenantId(), properties.getSource(),
                    row.correlationId(), row.eventId().toString(), row.traceparent())) {
                log.info("Published {} {} (tenant {}, correlation {})", row.eventType(), row.eventId(),
                        row.tenantId(), row.correlationId());
            }
        }
    }

    private void purgeWhenDue() {
        if (Instant.now().isAfter(nextPurge)) {
            nextPurge = Instant.now().plus(PURGE_EVERY);
            int purged = store.purgeSentBefore(Instant.now().minus(properties.getOutbox().getRetention()));
            if (purged > 0) {
                log.info("Purged {} sent outbox rows older than {}", purged, properties.getOutbox().getRetention());
            }
        }
    }
}
