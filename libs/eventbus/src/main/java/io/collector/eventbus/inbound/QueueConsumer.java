package io.collector.eventbus.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.collector.eventbus.config.EventBusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes one handler's queue in batches with manual acks: one channel on the consumer connection,
 * whose deliveries up to {@code consumer.concurrency} threads take in batches side by side. Each message
 * is acked only once its effect committed, or its retry or DLQ copy was confirmed by the broker;
 * otherwise it is rejected back onto the queue. A lost channel or a cancelled consumer is
 * subscribed again, so the queue keeps being consumed whatever a message contains or the broker does.
 * <p>
 * One channel rather than one per thread: each consumer channel costs the broker about 5 % of its
 * work per message (bench/README.md). Batches then commit out of order, which {@link AckFrontier}
 * turns into safe multiple acks. Written on the RabbitMQ client rather than a Spring listener
 * container: the container's hand-off and property conversion cost about 7 % of a consuming JVM's CPU.
 */
public class QueueConsumer {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration REFUSED_COPY_PAUSE = Duration.ofSeconds(1);
    /** How long an idle consumer waits for a first message before it looks at its channel again. */
    private static final long IDLE_POLL_MILLIS = 100;
    /** Put on the deliveries' queue to end a batch thread's wait for a first message at once when stopping. */
    private static final Delivery WAKE_UP = new Delivery(null, null, null, null);
    /** How long starting waits for the first attempt to subscribe, so that health reflects it at once. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long the first batch thread may be on one batch before deliveries waiting behind it go to
     * another thread: longer than a batch that needs no I/O (about 1 ms for 200 events), shorter
     * than a handler's database or network work.
     */
    private static final long HELP_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How long stopping waits for a batch in progress to finish before it interrupts it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final HandlerBinding binding;
    private final EventDispatcher dispatcher;
    private final FailureRouter failures;
    private final ConnectionFactory connectionFactory;
    private final EventBusProperties.Consumer settings;
    private volatile Subscription subscription;
    private volatile boolean running;

    public QueueConsumer(HandlerBinding binding, EventDispatcher dispatcher, FailureRouter failures,
                         ConnectionFactory connectionFactory, EventBusProperties.Consumer settings) {
        this.binding = binding;
        this.dispatcher = dispatcher;
        this.failures = failures;
        this.connectionFactory = connectionFactory;
        this.settings = settings;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        subscription = new Subscription();
        subscription.start();
    }

    /** Stops taking messages, lets the batches in progress finish, then closes the channel (the broker requeues the rest). */
    public void stop() {
        beginStop();
        awaitStop();
    }

    /** The first half of {@link #stop()}, so that many consumers can stop side by side. */
    public synchronized void beginStop() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** The second half of {@link #stop()}: returns once every batch thread has ended. */
    public synchronized void awaitStop() {
        if (subscription != null) {
            subscription.awaitStopped();
            subscription = null;
        }
    }

    /** True while started and its channel consumes the queue. */
    public boolean isRunning() {
        Subscription current = subscription;
        return running && current != null && current.consuming() != null;
    }

    public HandlerBinding binding() {
        return binding;
    }

    /** The queue's channel, subscribed again when lost, and the threads that handle its deliveries in batches. */
    private final class Subscription {

        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger live = new AtomicInteger();
        private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        /** Released when the first thread needs help ({@link #helpNeeded()}): wakes one of the others. */
        private final Semaphore helpWanted = new Semaphore(0);
        /** When the first thread started its batch in hand; 0 while it waits for deliveries. */
        private volatile long firstBusySince;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch firstAttempt = new CountDownLatch(1);
        private volatile BatchFeed feed;
        private long nextAttempt = System.nanoTime();
        private String lastFailure;

        void start() {
            for (int i = 1; i <= settings.getConcurrency(); i++) {
                boolean primary = i == 1;
                Thread thread = new Thread(() -> work(primary), binding.queue() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            live.set(threads.size());
            threads.forEach(Thread::start);
            try {
                firstAttempt.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * The first thread takes every delivery as it comes. The others ({@code concurrency - 1}) take
         * a batch only while the first needs help: a full batch waits behind its batch, or it has been
         * on its batch for more than {@link #HELP_AFTER_NANOS} (the handler's database or network
         * work is the slow part). When the first keeps up they sleep: with every thread woken for
         * each run of deliveries, half of the consumer threads' CPU went to waking and sleeping
         * (bench/README.md).
         */
        private void work(boolean primary) {
            try {
                while (running) {
                    BatchFeed current = consumingOrSubscribe();
                    if (current == null) {
                        stopped.await(settings.getRecoveryInterval().toMillis(), TimeUnit.MILLISECONDS);
                        continue;
                    }
                    List<Delivery> batch = primary ? nextBatch(current.acks) : nextBatchToHelp();
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (primary) {
                        firstBusySince = System.nanoTime() | 1; // never 0, which means idle
                        helpIfNeeded(); // deliveries already waiting behind this batch
                    }
                    try {
                        handleOrRequeue(batch);
                    } finally {
                        if (primary) {
                            firstBusySince = 0;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                firstAttempt.countDown();
                if (live.decrementAndGet() == 0) {
                    BatchFeed last = feed;
                    if (last != null) {
                        last.acks.flush();
                    }
                    closeChannel();
                }
            }
        }

        /** The feed of a channel that consumes the queue, else null. */
        BatchFeed consuming() {
            BatchFeed current = feed;
            return current != null && current.getChannel().isOpen() && !current.cancelled ? current : null;
        }

        /** The consuming feed; else one attempt to subscribe, at most one per recovery interval whichever thread asks. */
        private BatchFeed consumingOrSubscribe() {
            BatchFeed current = consuming();
            if (current != null) {
                return current;
            }
            synchronized (this) {
                current = consuming();
                if (current != null || System.nanoTime() - nextAttempt < 0) {
                    return current;
                }
                current = subscribe();
                firstAttempt.countDown();
                if (current == null) {
                    nextAttempt = System.nanoTime() + settings.getRecoveryInterval().toNanos();
                }
                return current;
            }
        }

        /** A fresh channel and consumer; deliveries still queued from a lost channel are dropped (the broker redelivers them). */
        private BatchFeed subscribe() {
            closeChannel();
            deliveries.clear();
            try {
                Channel fresh = connectionFactory.createConnection().getDelegate().createChannel();
                if (fresh == null) {
                    throw new IOException("the connection has no channel left (channel-max reached)");
                }
                BatchFeed consumer = new BatchFeed(fresh, deliveries, this::helpIfNeeded, new AckFrontier(fresh, binding.queue(),
                        settings.getAckDelay(), Math.min(settings.getBatchSize(), Math.max(1, settings.getPrefetch() / 2))));
                feed = consumer;
                // Each batch thread's share: with one share for all, a thread whose batch was in the
                // database left the other too few messages to work on (bench/README.md).
                fresh.basicQos(settings.getPrefetch() * settings.getConcurrency());
                fresh.basicConsume(binding.queue(), false, consumer);
                if (lastFailure != null) {
                    log.info("Consuming {} again", binding.queue());
                    lastFailure = null;
                }
                return consumer;
            } catch (IOException | RuntimeException e) {
                String failure = reason(e);
                if (!failure.equals(lastFailure)) {
                    log.warn("Cannot consume {}, trying again every {}: {}", binding.queue(), settings.getRecoveryInterval(), failure);
                } else {
                    log.debug("Still cannot consume {}: {}", binding.queue(), failure);
                }
                lastFailure = failure;
                closeChannel();
                return null;
            }
        }

        /**
         * Waits for a first message, then takes what has arrived (and, with a {@code batch-wait}, what
         * arrives within it) up to a full batch. An idle thread wakes now and then to look at the
         * channel, and to send the ack held for it once that is due.
         */
        private List<Delivery> nextBatch(AckFrontier acks) throws InterruptedException {
            long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS), acks.nanosUntilDue());
            Delivery first = deliveries.poll(wait, TimeUnit.NANOSECONDS);
            acks.flushIfDue();
            if (first == null || first == WAKE_UP) {
                return List.of();
            }
            List<Delivery> batch = new ArrayList<>(settings.getBatchSize());
            addIfLive(batch, first);
            long deadline = System.nanoTime() + settings.getBatchWait().toNanos();
            while (batch.size() < settings.getBatchSize()) {
                Delivery next = deliveries.poll();
                if (next == null) {
                    long left = deadline - System.nanoTime();
                    next = left > 0 ? deliveries.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                }
                if (next != WAKE_UP) {
                    addIfLive(batch, next);
                }
            }
            return batch;
        }

        /** A batch of what waits behind the first thread's while it needs help; else, after a wait for that, nothing. */
        private List<Delivery> nextBatchToHelp() throws InterruptedException {
            if (!helpNeeded()) {
                helpWanted.drainPermits(); // wake-ups for deliveries the first thread has taken meanwhile
                if (!helpNeeded()) {
                    helpWanted.tryAcquire(untilHelpMayBeNeeded(), TimeUnit.NANOSECONDS);
                }
                if (!helpNeeded()) {
                    return List.of();
                }
            }
            List<Delivery> batch = new ArrayList<>(settings.getBatchSize());
            Delivery next;
            while (batch.size() < settings.getBatchSize() && (next = deliveries.poll()) != null) {
                if (next != WAKE_UP) {
                    addIfLive(batch, next);
                }
            }
            return batch;
        }

        /** Deliveries wait, and a full batch of them or the first thread's batch has taken long. */
        private boolean helpNeeded() {
            int waiting = deliveries.size();
            if (waiting == 0) {
                return false;
            }
            long busySince = firstBusySince;
            return waiting >= settings.getBatchSize() || busySince != 0 && System.nanoTime() - busySince > HELP_AFTER_NANOS;
        }

        /** Deliveries waiting behind a batch the first thread has just begun need help once it takes long; else look again after the idle poll. */
        private long untilHelpMayBeNeeded() {
            long busySince = firstBusySince;
            long idlePoll = TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS);
            if (busySince == 0 || deliveries.isEmpty()) {
                return idlePoll;
            }
            return Math.min(idlePoll, Math.max(0, busySince + HELP_AFTER_NANOS - System.nanoTime()) + 1);
        }

        /** Called after each delivery is queued: wakes a waiting thread other than the first when help is needed. */
        private void helpIfNeeded() {
            if (threads.size() > 1 && helpWanted.availablePermits() == 0 && helpNeeded()) {
                helpWanted.release();
            }
        }

        /** A delivery of a closed channel is dropped: the broker has requeued it. */
        private static void addIfLive(List<Delivery> batch, Delivery delivery) {
            if (delivery.acks().channel().isOpen()) {
                batch.add(delivery);
            }
        }

        void cancel() {
            BatchFeed current = feed;
            if (current != null && current.getChannel().isOpen() && current.getConsumerTag() != null) {
                try {
                    current.getChannel().basicCancel(current.getConsumerTag());
                } catch (IOException | RuntimeException e) {
                    log.debug("Could not cancel the consumer of {}: {}", binding.queue(), e.toString());
                }
            }
            stopped.countDown();
            threads.forEach(thread -> deliveries.add(WAKE_UP));
            helpWanted.release(threads.size());
        }

        void awaitStopped() {
            try {
                for (Thread thread : threads) {
                    thread.join(STOP_TIMEOUT.toMillis());
                    if (thread.isAlive()) {
                        log.warn("A batch of {} did not finish within {}; interrupting it", binding.queue(), STOP_TIMEOUT);
                        thread.interrupt();
                        thread.join(STOP_TIMEOUT.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void closeChannel() {
            BatchFeed current = feed;
            feed = null;
            if (current != null && current.getChannel().isOpen()) {
                try {
                    current.getChannel().close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    log.debug("Closing a channel of {}: {}", binding.queue(), e.toString());
                }
            }
        }
    }

    /** Hands the broker's deliveries to the batch threads, and notes when the broker stops the consumer. */
    private static final class BatchFeed extends DefaultConsumer {

        private final BlockingQueue<Delivery> deliveries;
        private final Runnable afterDelivery;
        final AckFrontier acks;
        volatile boolean cancelled;

        BatchFeed(Channel channel, BlockingQueue<Delivery> deliveries, Runnable afterDelivery, AckFrontier acks) {
            super(channel);
            this.deliveries = deliveries;
            this.afterDelivery = afterDelivery;
            this.acks = acks;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            deliveries.add(new Delivery(acks, envelope, properties, body));
            afterDelivery.run();
        }

        /** The queue was deleted, or the broker cancelled us otherwise: subscribe again. */
        @Override
        public void handleCancel(String consumerTag) {
            cancelled = true;
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
            cancelled = true;
        }
    }

    /** Whatever escapes the dispatcher must not end the consumer's thread: the batch goes back onto the queue. */
    private void handleOrRequeue(List<Delivery> batch) throws InterruptedException {
        try {
            handle(batch);
        } catch (RuntimeException | Error e) {
            log.error("Unexpected failure handling {} messages from {}; requeueing them and pausing {}", batch.size(),
                    binding.queue(), settings.getRecoveryInterval(), e);
            batch.forEach(delivery -> delivery.acks().reject(delivery));
            TimeUnit.MILLISECONDS.sleep(settings.getRecoveryInterval().toMillis());
        }
    }

    private void handle(List<Delivery> batch) {
        List<InboundMessage> inbound = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            inbound.add(toInbound(delivery));
        }
        List<Outcome> outcomes;
        try {
            outcomes = dispatcher.dispatch(binding, inbound);
        } catch (RuntimeException e) {
            log.error("Unexpected failure dispatching {} messages from {}; requeueing them", batch.size(), binding.queue(), e);
            batch.forEach(delivery -> delivery.acks().reject(delivery));
            return;
        }
        settle(batch, inbound, outcomes);
    }

    private void settle(List<Delivery> batch, List<InboundMessage> inbound, List<Outcome> outcomes) {
        List<Delivery> committed = new ArrayList<>(batch.size());
        boolean refused = false;
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            Outcome outcome = outcomes.get(i);
            if (outcome instanceof Outcome.Handled || outcome instanceof Outcome.Duplicate) {
                committed.add(delivery);
                continue;
            }
            boolean copied = outcome instanceof Outcome.Retry retry
                    ? failures.retry(binding, delivery, inbound.get(i), retry)
                    : failures.deadLetter(binding, delivery, inbound.get(i), (Outcome.DeadLetter) outcome);
            if (copied) {
                delivery.acks().ack(delivery);
            } else {
                log.error("The broker did not confirm the retry/DLQ copy of a message from {}; requeueing it", binding.queue());
                delivery.acks().reject(delivery);
                refused = true;
            }
        }
        settleCommitted(committed);
        if (refused) {
            pauseAfterRefusedCopy();
        }
    }

    /** Hands committed deliveries to their channel's frontier; a batch holds more than one channel's only around a lost channel. */
    private static void settleCommitted(List<Delivery> committed) {
        int from = 0;
        for (int i = 1; i <= committed.size(); i++) {
            if (i == committed.size() || committed.get(i).acks() != committed.get(from).acks()) {
                committed.get(from).acks().committed(committed.subList(from, i));
                from = i;
            }
        }
    }

    /** The broker refuses our copies (a DLQ deleted, a resource alarm): do not spin on the requeued message. */
    private static void pauseAfterRefusedCopy() {
        try {
            TimeUnit.MILLISECONDS.sleep(REFUSED_COPY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InboundMessage toInbound(Delivery delivery) {
        Object retries = delivery.header(FailureHeaders.RETRY_COUNT);
        Object firstFailure = delivery.header(FailureHeaders.FIRST_FAILURE_AT);
        Object traceparent = delivery.header("traceparent");
        return new InboundMessage(delivery.body(), delivery.properties().getMessageId(),
                traceparent == null ? null : traceparent.toString(),
                retries instanceof Number count ? count.intValue() : 0,
                instantOrNull(firstFailure));
    }

    /** The innermost message: the client wraps the broker's reason (e.g. NOT_FOUND - no queue) in an IOException without one. */
    private static String reason(Throwable failure) {
        Throwable innermost = NestedExceptionUtils.getMostSpecificCause(failure);
        return Objects.toString(innermost.getMessage(), innermost.toString());
    }

    private static Instant instantOrNull(Object header) {
        try {
            return header == null ? null : Instant.parse(header.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
