package io.collector.eventbus.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code collector.eventbus.*}. Only {@code service} has no default: it names the queues
 * ({@code <service>.<type>}) and the database schema of the outbox and inbox.
 */
@ConfigurationProperties("collector.eventbus")
public class EventBusProperties {

    public enum QueueType { QUORUM, CLASSIC }

    /** Short service name, e.g. {@code orders}. */
    private String service;
    /** The envelope's {@code source}; defaults to {@code <service>-service}. */
    private String source;
    /** Database schema for the outbox and inbox tables; defaults to the service name. */
    private String schema;
    /** Defaults to the environment variable RABBITMQ_URL, else amqp://guest:guest@localhost:5672. */
    private URI rabbitmqUrl;
    /** Defaults to the environment variable RABBITMQ_EXCHANGE, else collector-events. */
    private String exchange;
    private QueueType queueType = QueueType.QUORUM;
    /** Deletes a queue unused this long (x-expires): for throw-away environments such as test runs, never production. */
    private Duration queueExpires;
    /** False: no broker connection at all (the test kit drives handlers instead). */
    private boolean brokerEnabled = true;
    private final Retry retry = new Retry();
    private final Consumer consumer = new Consumer();
    private final Outbox outbox = new Outbox();

    public static class Retry {
        /** Retries after the first attempt; 0 sends a failing event straight to the DLQ. */
        private int maxRetries = 3;
        private Duration initialDelay = Duration.ofSeconds(1);
        private double multiplier = 4.0;
        /** How long to wait for the broker to confirm a retry or DLQ copy before giving up on acking. */
        private Duration publishTimeout = Duration.ofSeconds(10);

        public int getMaxRetries() { return maxRetries; }
        public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
        public Duration getPublishTimeout() { return publishTimeout; }
        public void setPublishTimeout(Duration publishTimeout) { this.publishTimeout = publishTimeout; }

        /** Delay before retry {@code n} (1-based): initialDelay × multiplier^(n-1). */
        public Duration delayBeforeRetry(int n) {
            return Duration.ofMillis(Math.round(initialDelay.toMillis() * Math.pow(multiplier, n - 1)));
        }
    }

    public static class Consumer {
        /** Unacked messages per batch thread: the queue's channel takes {@code prefetch × concurrency}. */
        private int prefetch = 250;
        /**
         * Threads that handle the queue's deliveries in batches, each batch in its own transaction, on
         * one channel. The first takes what arrives; the others join while it needs help (a full batch
         * waits behind its batch, or its batch has taken over 5 ms), so two keep one batch in the
         * database while the other decodes the next (bench/:
         * the consumer stopped being the end-to-end bottleneck). The price is that batches of one
         * queue are then handled side by side, not in publish order. 1 restores publish order within
         * a queue for a single instance.
         */
        private int concurrency = 2;
        /** Messages handled in one database transaction (one inbox statement for all); bench/ measured 200 well above 50. */
        private int batchSize = 200;
        /**
         * Longest wait to fill a batch once its first message is in hand. 0: a batch is what has arrived
         * by then, so under load batches grow while the one before is handled, and alone a message waits
         * for nothing (bench/: p50 publish → handler fell by the 5 ms this used to be).
         */
        private Duration batchWait = Duration.ZERO;
        /**
         * Longest an ack of handled messages is held back to be sent with later ones as one
         * basic.ack(multiple): fewer commands for the broker, at no cost to handling (the effects are
         * committed; a channel lost meanwhile redelivers them to the inbox, which absorbs the repeat).
         * 20 ms rather than 5: under load the ack then waits for half the prefetch, and the broker's
         * consuming channel and queue did about 3 % less work per message (bench/README.md).
         */
        private Duration ackDelay = Duration.ofMillis(20);
        private Duration recoveryInterval = Duration.ofSeconds(1);

        public int getPrefetch() { return prefetch; }
        public void setPrefetch(int prefetch) { this.prefetch = prefetch; }
        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public Duration getBatchWait() { return batchWait; }
        public void setBatchWait(Duration batchWait) { this.batchWait = batchWait; }
        public Duration getAckDelay() { return ackDelay; }
        public void setAckDelay(Duration ackDelay) { this.ackDelay = ackDelay; }
        public Duration getRecoveryInterval() { return recoveryInterval; }
        public void setRecoveryInterval(Duration recoveryInterval) { this.recoveryInterval = recoveryInterval; }
    }

    public static class Outbox {
        private boolean relayEnabled = true;
        /** Rows per relay batch: locked, and marked once all its confirms are in, in one transaction. */
        private int batchSize = 500;
        /**
         * Messages the relay keeps sent but not yet confirmed (like a publisher's confirm window); the
         * next batch is sent while the one before awaits its confirms. At most two batches are open
         * at once, so at most min(confirm-window, 2 × batch-size) messages are unconfirmed. 200 as in
         * PerfTest: in bench/, 400 or 1000 in flight cost the broker's publishing channel about 12 %
         * more work per message than 200, with no gain end to end.
         */
        private int confirmWindow = 200;
        /** Safety-net poll: rows committed by another process or left pending are found within this. */
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration confirmTimeout = Duration.ofSeconds(10);
        private Duration retryInitialBackoff = Duration.ofMillis(500);
        private Duration retryMaxBackoff = Duration.ofSeconds(60);
        /** Sent rows are deleted after this long. */
        private Duration retention = Duration.ofDays(7);
        /** The outbox health turns DOWN when the oldest pending row is older than this. */
        private Duration maxPendingAge = Duration.ofMinutes(5);

        public boolean isRelayEnabled() { return relayEnabled; }
        public void setRelayEnabled(boolean relayEnabled) { this.relayEnabled = relayEnabled; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getConfirmWindow() { return confirmWindow; }
        public void setConfirmWindow(int confirmWindow) { this.confirmWindow = confirmWindow; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getConfirmTimeout() { return confirmTimeout; }
        public void setConfirmTimeout(Duration confirmTimeout) { this.confirmTimeout = confirmTimeout; }
        public Duration getRetryInitialBackoff() { return retryInitialBackoff; }
        public void setRetryInitialBackoff(Duration retryInitialBackoff) { this.retryInitialBackoff = retryInitialBackoff; }
        public Duration getRetryMaxBackoff() { return retryMaxBackoff; }
        public void setRetryMaxBackoff(Duration retryMaxBackoff) { this.retryMaxBackoff = retryMaxBackoff; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration retention) { this.retention = retention; }
        public Duration getMaxPendingAge() { return maxPendingAge; }
        public void setMaxPendingAge(Duration maxPendingAge) { this.maxPendingAge = maxPendingAge; }
    }

    public String getService() { return service; }
    public void setService(String service) { this.service = service; }
    public String getSource() { return source != null ? source : service + "-service"; }
    public void setSource(String source) { this.source = source; }
    public String getSchema() { return schema != null ? schema : service; }
    public void setSchema(String schema) { this.schema = schema; }
    public URI getRabbitmqUrl() { return rabbitmqUrl; }
    public void setRabbitmqUrl(URI rabbitmqUrl) { this.rabbitmqUrl = rabbitmqUrl; }
    public String getExchange() { return exchange; }
    public void setExchange(String exchange) { this.exchange = exchange; }
    public QueueType getQueueType() { return queueType; }
    public void setQueueType(QueueType queueType) { this.queueType = queueType; }
    public Duration getQueueExpires() { return queueExpires; }
    public void setQueueExpires(Duration queueExpires) { this.queueExpires = queueExpires; }
    public boolean isBrokerEnabled() { return brokerEnabled; }
    public void setBrokerEnabled(boolean brokerEnabled) { this.brokerEnabled = brokerEnabled; }
    public Retry getRetry() { return retry; }
    public Consumer getConsumer() { return consumer; }
    public Outbox getOutbox() { return outbox; }

    /** Fails start-up with a message naming the property, rather than later with a broker error. */
    public void validate() {
        if (service == null || !service.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalStateException("collector.eventbus.service must be a short lower-case service name such as 'orders', was: " + service);
        }
        if (!getSchema().matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("collector.eventbus.schema must be a plain SQL identifier, was: " + getSchema());
        }
        if (outbox.batchSize < 1 || outbox.confirmWindow < 1) {
            throw new IllegalStateException("collector.eventbus.outbox.batch-size and outbox.confirm-window must be >= 1, were: "
                    + outbox.batchSize + ", " + outbox.confirmWindow);
        }
        if (retry.maxRetries < 0) {
            throw new IllegalStateException("collector.eventbus.retry.max-retries must be >= 0, was: " + retry.maxRetries);
        }
        if (!"amqp".equals(rabbitmqUrl.getScheme()) && !"amqps".equals(rabbitmqUrl.getScheme())) {
            throw new IllegalStateException("collector.eventbus.rabbitmq-url (RABBITMQ_URL) must be an amqp:// or amqps:// URL, was: " + rabbitmqUrl);
        }
    }
}
