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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes one handler's queue in batches with manual acks, on {@code consumer.concurrency}
 * channels of the consumer connection, each with a thread of its own. Each message is acked only
 * once its effect committed, or its retry or DLQ copy was confirmed by the broker; otherwise it is
 * rejected back onto the queue. A lost channel or a cancelled consumer is subscribed again, so
 * the queue keeps being consumed whatever a message contains or the broker does.
 * <p>
 * Written on the RabbitMQ client rather than a Spring listener container: the container's hand-off
 * and property conversion cost about 7 % of a consuming JVM's CPU (bench/README.md).
 */
public class QueueConsumer {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration REFUSED_COPY_PAUSE = Duration.ofSeconds(1);
    /** How long an idle consumer waits for a first message before it looks at its channel again. */
    private static final long IDLE_POLL_MILLIS = 100;
    /** Put on a batch thread's queue to end its wait for a first message at once when stopping. */
    private static final Delivery WAKE_UP = new Delivery(null, null, null, null);
    /** How long starting waits for each channel's first attempt to subscribe, so that health reflects it at once. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** How long stopping waits for a batch in progress to finish before it interrupts it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final HandlerBinding binding;
    private final EventDispatcher dispatcher;
    private final FailureRouter failures;
    private final ConnectionFactory connectionFactory;
    private final EventBusProperties.Consumer settings;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
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
        for (int i = 1; i <= settings.getConcurrency(); i++) {
            Subscription subscription = new Subscription(binding.queue() + "-" + i);
            subscriptions.add(subscription);
            subscription.thread.start();
        }
        subscriptions.forEach(Subscription::awaitFirstAttempt);
    }

    /** Stops taking messages, lets the batches in progress finish, then closes the channels (the broker requeues the rest). */
    public void stop() {
        beginStop();
        awaitStop();
    }

    /** The first half of {@link #stop()}, so that many consumers can stop side by side. */
    public synchronized void beginStop() {
        running = false;
        subscriptions.forEach(Subscription::cancel);
    }

    /** The second half of {@link #stop()}: returns once every batch thread has ended. */
    public synchronized void awaitStop() {
        subscriptions.forEach(Subscription::awaitStopped);
        subscriptions.clear();
    }

    /** True while started and at least one of its channels consumes the queue. */
    public boolean isRunning() {
        return running && subscriptions.stream().anyMatch(Subscription::consuming);
    }

    public HandlerBinding binding() {
        return binding;
    }

    /** One channel consuming the queue, and the thread that handles its deliveries in batches. */
    private final class Subscription implements Runnable {

        private final Thread thread;
        private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch firstAttempt = new CountDownLatch(1);
        private final DeferredAck heldAck = new DeferredAck(binding.queue(), settings.getAckDelay(),
                Math.min(settings.getBatchSize(), Math.max(1, settings.getPrefetch() / 2)));
        private volatile Channel channel;
        private volatile BatchFeed feed;
        private String lastFailure;

        Subscription(String name) {
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    if (!consuming()) {
                        boolean subscribed = subscribe();
                        firstAttempt.countDown();
                        if (!subscribed) {
                            stopped.await(settings.getRecoveryInterval().toMillis(), TimeUnit.MILLISECONDS);
                            continue;
                        }
                    }
                    List<Delivery> batch = nextBatch();
                    if (!batch.isEmpty()) {
                        handleOrRequeue(batch, heldAck);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                firstAttempt.countDown();
                heldAck.flush();
                closeChannel();
            }
        }

        void awaitFirstAttempt() {
            try {
                firstAttempt.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean consuming() {
            Channel open = channel;
            BatchFeed consumer = feed;
            return open != null && open.isOpen() && consumer != null && !consumer.cancelled;
        }

        /** A fresh channel and consumer; deliveries still queued from a lost channel are dropped (the broker redelivers them). */
        private boolean subscribe() {
            heldAck.drop();
            closeChannel();
            deliveries.clear();
            try {
                Channel fresh = connectionFactory.createConnection().getDelegate().createChannel();
                if (fresh == null) {
                    throw new IOException("the connection has no channel left (channel-max reached)");
                }
                channel = fresh;
                fresh.basicQos(settings.getPrefetch());
                BatchFeed consumer = new BatchFeed(fresh, deliveries);
                fresh.basicConsume(binding.queue(), false, consumer);
                feed = consumer;
                if (lastFailure != null) {
                    log.info("Consuming {} again", binding.queue());
                    lastFailure = null;
                }
                return true;
            } catch (IOException | RuntimeException e) {
                String failure = reason(e);
                if (!failure.equals(lastFailure)) {
                    log.warn("Cannot consume {}, trying again every {}: {}", binding.queue(), settings.getRecoveryInterval(), failure);
                } else {
                    log.debug("Still cannot consume {}: {}", binding.queue(), failure);
                }
                lastFailure = failure;
                closeChannel();
                return false;
            }
        }

        /**
         * Waits for a first message, then takes what has arrived (and, with a {@code batch-wait}, what
         * arrives within it) up to a full batch. An idle consumer wakes now and then to look at its
         * channel, and to send the ack it holds once that is due.
         */
        private List<Delivery> nextBatch() throws InterruptedException {
            long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MILLIS), heldAck.nanosUntilDue());
            Delivery first = deliveries.poll(wait, TimeUnit.NANOSECONDS);
            heldAck.flushIfDue();
            if (first == null || first == WAKE_UP) {
                return List.of();
            }
            Channel current = channel;
            List<Delivery> batch = new ArrayList<>(settings.getBatchSize());
            if (first.channel() == current) {
                batch.add(first);
            }
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
                if (next != WAKE_UP && next.channel() == current) {
                    batch.add(next);
                }
            }
            return batch;
        }

        void cancel() {
            BatchFeed current = feed;
            Channel open = channel;
            if (current != null && open != null && open.isOpen() && current.getConsumerTag() != null) {
                try {
                    open.basicCancel(current.getConsumerTag());
                } catch (IOException | RuntimeException e) {
                    log.debug("Could not cancel the consumer of {}: {}", binding.queue(), e.toString());
                }
            }
            stopped.countDown();
            deliveries.add(WAKE_UP);
        }

        void awaitStopped() {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
                if (thread.isAlive()) {
                    log.warn("A batch of {} did not finish within {}; interrupting it", binding.queue(), STOP_TIMEOUT);
                    thread.interrupt();
                    thread.join(STOP_TIMEOUT.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void closeChannel() {
            Channel open = channel;
            channel = null;
            feed = null;
            if (open != null && open.isOpen()) {
                try {
                    open.close();
                } catch (IOException | TimeoutException | RuntimeException e) {
                    log.debug("Closing a channel of {}: {}", binding.queue(), e.toString());
                }
            }
        }
    }

    /** Hands the broker's deliveries to the subscription's thread, and notes when the broker stops the consumer. */
    private static final class BatchFeed extends DefaultConsumer {

        private final BlockingQueue<Delivery> deliveries;
        volatile boolean cancelled;

        BatchFeed(Channel channel, BlockingQueue<Delivery> deliveries) {
            super(channel);
            this.deliveries = deliveries;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            deliveries.add(new Delivery(getChannel(), envelope, properties, body));
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
    private void handleOrRequeue(List<Delivery> batch, DeferredAck heldAck) throws InterruptedException {
        try {
            handle(batch, heldAck);
        } catch (RuntimeException | Error e) {
            log.error("Unexpected failure handling {} messages from {}; requeueing them and pausing {}", batch.size(),
                    binding.queue(), settings.getRecoveryInterval(), e);
            heldAck.flush();
            batch.forEach(this::reject);
            TimeUnit.MILLISECONDS.sleep(settings.getRecoveryInterval().toMillis());
        }
    }

    private void handle(List<Delivery> batch, DeferredAck heldAck) {
        List<InboundMessage> inbound = new ArrayList<>(batch.size());
        for (Delivery delivery : batch) {
            inbound.add(toInbound(delivery));
        }
        List<Outcome> outcomes;
        try {
            outcomes = dispatcher.dispatch(binding, inbound);
        } catch (RuntimeException e) {
            log.error("Unexpected failure dispatching {} messages from {}; requeueing them", batch.size(), binding.queue(), e);
            heldAck.flush();
            batch.forEach(this::reject);
            return;
        }
        settle(batch, inbound, outcomes, heldAck);
    }

    private void settle(List<Delivery> batch, List<InboundMessage> inbound, List<Outcome> outcomes, DeferredAck heldAck) {
        if (outcomes.stream().allMatch(o -> o instanceof Outcome.Handled || o instanceof Outcome.Duplicate)) {
            heldAck.add(batch.get(batch.size() - 1), batch.size());
            return;
        }
        heldAck.flush();
        boolean refused = false;
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            Outcome outcome = outcomes.get(i);
            boolean settled;
            if (outcome instanceof Outcome.Retry retry) {
                settled = failures.retry(binding, delivery, inbound.get(i), retry);
            } else if (outcome instanceof Outcome.DeadLetter deadLetter) {
                settled = failures.deadLetter(binding, delivery, inbound.get(i), deadLetter);
            } else {
                settled = true;
            }
            if (settled) {
                ack(delivery);
            } else {
                log.error("The broker did not confirm the retry/DLQ copy of a message from {}; requeueing it", binding.queue());
                reject(delivery);
                refused = true;
            }
        }
        if (refused) {
            pauseAfterRefusedCopy();
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

    private void ack(Delivery delivery) {
        try {
            delivery.channel().basicAck(delivery.tag(), false);
        } catch (IOException | RuntimeException e) {
            // The channel is gone: the broker redelivers, and the inbox absorbs the repeat.
            log.warn("Could not ack on {}: {}", binding.queue(), e.toString());
        }
    }

    private void reject(Delivery delivery) {
        try {
            delivery.channel().basicNack(delivery.tag(), false, true);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not reject on {}: {}", binding.queue(), e.toString());
        }
    }
}
