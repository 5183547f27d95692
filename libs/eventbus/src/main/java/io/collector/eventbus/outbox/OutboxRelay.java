package io.collector.eventbus.outbox;

import com.rabbitmq.client.AMQP;
import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.observability.EventLogContext;
import io.collector.eventbus.outbox.ConfirmedChannel.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pending outbox rows with publisher confirms and mandatory routing. A batch is locked
 * ({@code FOR UPDATE SKIP LOCKED}), sent, and its rows marked in the same transaction once the broker
 * answered: confirmed rows become SENT; nacked, returned (unroutable) or unconfirmed rows stay
 * PENDING with a growing backoff. If the marking transaction fails after the broker confirmed, the
 * rows are sent again later; consumers' inboxes make that harmless.
 * <p>
 * Batches are pipelined on one channel (the relay's own {@link ConfirmedChannel}, reopened when
 * lost): the next batch is locked and sent while the confirms of the one before are still outstanding, within a window of {@code outbox.confirm-window} unconfirmed
 * messages (as a publisher with a confirm window, instead of stop-and-wait per batch). Each batch's
 * transaction lives on a batch thread of its own, so at most {@value #OPEN_BATCHES} batches (and
 * database connections) are open at once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final OutboxStore store;
    private final RelaySignal signal;
    /** Where the relay's channel comes from: the publisher connection, apart from the consumers' (flow control). */
    private final ConnectionFactory connectionFactory;
    private final TransactionTemplate transaction;
    private final EventBusMetrics metrics;
    private final EventBusProperties properties;
    /** The threads that hold each open batch's transaction from its lock to its commit. */
    private final ExecutorService holders;
    private volatile Thread worker;
    private volatile boolean running;
    private Instant nextPurge = Instant.now();
    private volatile ConfirmedChannel channel;

    public OutboxRelay(OutboxStore store, RelaySignal signal, ConnectionFactory connectionFactory, TransactionTemplate transaction,
                       EventBusMetrics metrics, EventBusProperties properties) {
        this.store = store;
        this.signal = signal;
        this.connectionFactory = connectionFactory;
        this.transaction = transaction;
        this.metrics = metrics;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.holders = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "outbox-relay-" + properties.getService() + "-batch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
        closeChannel();
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
     * Sends due rows until none is left (or another relay holds what is), as one pipeline on one
     * channel: while a batch's confirms are outstanding the next batch is already locked and sent,
     * with at most {@code outbox.confirm-window} messages unconfirmed at any time, so the broker is
     * never idle waiting for the relay. Each batch is still locked ({@code FOR UPDATE SKIP LOCKED})
     * in a transaction of its own, held by a batch thread until that batch's confirms are in and its
     * rows marked: two relays never send one row at the same time, and a row becomes SENT only after
     * its confirm. Rows committed while batches await their confirms are sent at once, in a batch of
     * their own. Returns when no due row is left and every batch it opened has committed or rolled back.
     */
    public synchronized void drain() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        Pipeline pipeline = new Pipeline(openChannel());
        try {
            pipeline.run();
        } finally {
            pipeline.awaitBatches();
        }
    }

    /** The relay's channel, opened on the publisher connection (itself reopened by the factory) when there is none. */
    private ConfirmedChannel openChannel() {
        if (channel == null || !channel.isOpen()) {
            try {
                com.rabbitmq.client.Channel fresh = connectionFactory.createConnection().getDelegate().createChannel();
                if (fresh == null) {
                    throw new IllegalStateException("cannot open the relay's channel: the connection has no channel left");
                }
                channel = new ConfirmedChannel(fresh);
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the relay's channel: " + e, e);
            }
        }
        return channel;
    }

    private void closeChannel() {
        ConfirmedChannel open = channel;
        if (open != null) {
            open.close();
        }
    }

    /** Batches open at once: one being sent while the one before waits for its last confirms. Each holds a connection. */
    static final int OPEN_BATCHES = 2;

    /** One {@link #drain()}: its channel, window and open batches. */
    private final class Pipeline {

        private final ConfirmedChannel channel;
        private final Semaphore window = new Semaphore(Math.max(1, properties.getOutbox().getConfirmWindow()));
        private final Semaphore openBatches = new Semaphore(OPEN_BATCHES);
        private final List<Batch> batches = new ArrayList<>();
        /** Set when a batch got nothing confirmed: its rows wait for their backoff, and the pipeline stops. */
        private final AtomicBoolean stalled = new AtomicBoolean();

        Pipeline(ConfirmedChannel channel) {
            this.channel = channel;
        }

        void run() {
            int limit = properties.getOutbox().getBatchSize();
            while (!Thread.currentThread().isInterrupted()) {
                Batch batch;
                List<OutboxRow> rows;
                try {
                    openBatches.acquire();
                    if (stalled.get()) {
                        openBatches.release();
                        return;
                    }
                    batch = new Batch(openBatches, stalled);
                    // Only open batches are kept: a drain through a long backlog must not hold every row it sent.
                    batches.removeIf(Batch::settled);
                    batches.add(batch);
                    try {
                        holders.execute(() -> hold(batch, limit));
                    } catch (RuntimeException e) {
                        batch.done.countDown();
                        openBatches.release();
                        throw e;
                    }
                    rows = batch.locked.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandonLast();
                    return;
                } catch (ExecutionException e) {
                    // The batch could not be locked (database down): the rows stay as they are.
                    throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
                }
                if (rows.isEmpty()) {
                    batch.awaitSettled();
                    if (!awaitMoreWhileBatchesOpen()) {
                        return;
                    }
                    continue;
                }
                List<CompletableFuture<Answer>> confirms = new ArrayList<>(rows.size());
                boolean complete = false;
                try {
                    complete = send(rows, confirms);
                } finally {
                    batch.sent.complete(confirms);
                }
                if (!complete) {
                    return;
                }
                purgeWhenDue();
            }
        }

        /**
         * With the outbox drained, the pipeline stays open while batches await their confirms: rows
         * committed meanwhile go out at once instead of after those confirms (which take 2–50 ms on a
         * quorum queue, and longer in a broker stall). A batch that settles wakes the relay too, so
         * this returns false once every batch has settled and no rows came: {@link #drain()} ends.
         */
        private boolean awaitMoreWhileBatchesOpen() {
            batches.removeIf(Batch::settled);
            if (batches.isEmpty() || stalled.get()) {
                return false;
            }
            try {
                signal.await(properties.getOutbox().getPollInterval());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void abandonLast() {
            if (!batches.isEmpty()) {
                batches.get(batches.size() - 1).sent.complete(null);
            }
        }

        /** Sends rows in order, each once the window has room; false when it had to stop (rows after that are not sent). */
        private boolean send(List<OutboxRow> rows, List<CompletableFuture<Answer>> confirms) {
            long timeout = properties.getOutbox().getConfirmTimeout().toNanos();
            try (CoalescedWrites.Held writes = CoalescedWrites.hold()) {
                for (OutboxRow row : rows) {
                    if (!window.tryAcquire() && !awaitRoom(writes, timeout)) {
                        log.warn("No publisher confirm within the timeout with {} messages unconfirmed; the relay of {}"
                                + " stops this round", properties.getOutbox().getConfirmWindow(), properties.getService());
                        return false;
                    }
                    CompletableFuture<Answer> confirm;
                    try {
                        confirm = channel.publish(properties.getExchange(), row.eventType(), propertiesOf(row), row.payload());
                    } catch (IOException | RuntimeException e) {
                        window.release();
                        throw e;
                    }
                    confirms.add(confirm);
                    confirm.whenComplete((answer, error) -> window.release());
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (IOException | RuntimeException e) {
                log.warn("Broker refused an outbox batch of {} after {} of {} rows: {}", properties.getService(),
                        confirms.size(), rows.size(), e.toString());
                return false;
            }
        }

        /** Sends what was written so far, since the confirms that free the window are for those messages, then waits for room. */
        private boolean awaitRoom(CoalescedWrites.Held writes, long timeoutNanos) throws IOException, InterruptedException {
            writes.flush();
            return window.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        }

        /** Waits, without giving up on an interrupt, until every batch of this pipeline has committed or rolled back. */
        void awaitBatches() {
            abandonUnsent();
            batches.forEach(Batch::awaitSettled);
        }

        /** A batch whose rows were locked but never handed to the broker (an exception between the two) rolls back. */
        private void abandonUnsent() {
            for (Batch batch : batches) {
                batch.sent.complete(null);
            }
        }
    }

    /** One batch between its lock and its commit: the rows it locked, then what was sent of them. */
    private static final class Batch {
        final CompletableFuture<List<OutboxRow>> locked = new CompletableFuture<>();
        /** The confirms of the rows sent, in row order (fewer when sending stopped); null: nothing sent, roll back. */
        final CompletableFuture<List<CompletableFuture<Answer>>> sent = new CompletableFuture<>();
        final CountDownLatch done = new CountDownLatch(1);
        private final Semaphore openBatches;
        private final AtomicBoolean stalled;

        Batch(Semaphore openBatches, AtomicBoolean stalled) {
            this.openBatches = openBatches;
            this.stalled = stalled;
        }

        boolean settled() {
            return done.getCount() == 0;
        }

        /** Waits until settled, without giving up on an interrupt (which is kept for the caller). */
        void awaitSettled() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs on a batch thread: locks the batch in a transaction, waits until the relay has sent it,
     * then waits for its confirms, marks the rows and commits (or rolls back if nothing was sent).
     */
    private void hold(Batch batch, int limit) {
        AtomicBoolean hadRows = new AtomicBoolean();
        try {
            transaction.executeWithoutResult(status -> {
                List<OutboxRow> rows = store.lockDue(limit);
                batch.locked.complete(rows);
                if (rows.isEmpty()) {
                    return;
                }
                hadRows.set(true);
                List<CompletableFuture<Answer>> confirms = batch.sent.join();
                if (confirms == null) {
                    status.setRollbackOnly();
                    return;
                }
                if (settle(rows, confirms) == 0) {
                    batch.stalled.set(true);
                }
            });
        } catch (RuntimeException e) {
            batch.stalled.set(true);
            if (!batch.locked.completeExceptionally(e)) {
                // Sent, but the marking transaction failed: the rows are sent again later, the inboxes absorb it.
                log.warn("Outbox relay of {} could not mark a sent batch, its rows will be sent again: {}",
                        properties.getService(), e.toString());
            }
        } finally {
            batch.locked.complete(List.of());
            batch.done.countDown();
            batch.openBatches.release();
            if (hadRows.get()) {
                // The relay may be waiting for rows while this batch was open: it looks again, or ends its drain.
                signal.wake();
            }
        }
    }

    private int settle(List<OutboxRow> rows, List<CompletableFuture<Answer>> confirms) {
        long deadline = System.nanoTime() + properties.getOutbox().getConfirmTimeout().toNanos();
        List<Long> sent = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            String failure = i < confirms.size() ? awaitConfirm(confirms.get(i), deadline) : "not sent: the broker refused the batch, or no confirm freed the window in time";
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
    private static String awaitConfirm(CompletableFuture<Answer> confirm, long deadlineNanos) {
        try {
            return confirm.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS).failure();
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

    private AMQP.BasicProperties propertiesOf(OutboxRow row) {
        Map<String, Object> headers = row.traceparent() == null
                ? Map.of("x-tenant-id", row.tenantId(), "x-source", properties.getSource())
                : Map.of("x-tenant-id", row.tenantId(), "x-source", properties.getSource(), "traceparent", row.traceparent());
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(row.eventId().toString())
                .correlationId(row.correlationId())
                .type(row.eventType())
                .timestamp(Date.from(row.createdAt()))
                .appId(properties.getSource())
                .headers(headers)
                .build();
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
