package io.collector.eventbus.inbound;

import io.collector.eventbus.EventContext;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.eventbus.inbound.Outcome.DeadLetter;
import io.collector.eventbus.inbound.Outcome.DeadLetterReason;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.observability.EventLogContext;
import io.collector.events.EventEnvelope;
import io.collector.events.EventReader;
import io.collector.events.InvalidEventException;
import io.collector.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consuming pipeline, free of AMQP: decode and validate each message, then handle a batch in
 * one database transaction with its inbox rows (written in one statement), so that a redelivered
 * event finds its key and has no second effect. One failing handler does not undo the others: the
 * batch then runs again with a savepoint per message. Nothing here acks; the caller acts on the
 * outcomes only after this returned, that is after the commit.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final InboxStore inbox;
    private final TransactionTemplate transaction;
    private final EventBusMetrics metrics;

    public EventDispatcher(InboxStore inbox, TransactionTemplate transaction, EventBusMetrics metrics) {
        this.inbox = inbox;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /** One outcome per message, in the same order. */
    public List<Outcome> dispatch(HandlerBinding binding, List<InboundMessage> messages) {
        Outcome[] outcomes = new Outcome[messages.size()];
        List<Decoded> decoded = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage message = messages.get(i);
            try {
                EventEnvelope<?> event = decode(binding, message);
                decoded.add(new Decoded(i, message, event, eventKey(event, message)));
            } catch (InvalidInbound e) {
                outcomes[i] = deadLetter(binding, e.reason, e.getCause());
            }
        }
        if (!decoded.isEmpty()) {
            handleInTransaction(binding, decoded, outcomes);
        }
        return Arrays.asList(outcomes);
    }

    /**
     * The common case, every handler succeeding, runs without a savepoint per message (they cost
     * about 40 % of the consumer's database time, bench/README.md); when a handler fails, that
     * attempt is rolled back whole and the batch runs again with a savepoint per message, the failed
     * message counted as failed without calling its handler a second time for the same delivery.
     */
    private void handleInTransaction(HandlerBinding binding, List<Decoded> batch, Outcome[] outcomes) {
        if (batch.size() == 1) {
            runBatch(binding, batch, outcomes, Isolation.WHOLE_TRANSACTION, null);
            return;
        }
        BatchAborted aborted = runBatch(binding, batch, outcomes, Isolation.ABORT_ON_FAILURE, null);
        if (aborted != null) {
            runBatch(binding, batch, outcomes, Isolation.SAVEPOINT_PER_MESSAGE, aborted);
        }
    }

    /** How one message's failure is kept from the others of its transaction. */
    private enum Isolation { WHOLE_TRANSACTION, SAVEPOINT_PER_MESSAGE, ABORT_ON_FAILURE }

    /**
     * Returns the abort when a handler failed under {@link Isolation#ABORT_ON_FAILURE} (then nothing
     * was committed or decided), else null. {@code earlier}: the failure of a first try, not repeated.
     */
    private BatchAborted runBatch(HandlerBinding binding, List<Decoded> batch, Outcome[] outcomes, Isolation isolation,
                                  BatchAborted earlier) {
        List<Runnable> afterCommit = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                Set<String> fresh = isolation == Isolation.ABORT_ON_FAILURE ? recordAll(binding, batch) : null;
                for (Decoded message : batch) {
                    outcomes[message.index] = earlier != null && earlier.index == message.index
                            ? failed(binding, message, earlier.getCause())
                            : handleOne(binding, message, status, isolation, fresh, afterCommit);
                }
            });
            afterCommit.forEach(Runnable::run);
        } catch (BatchAborted aborted) {
            for (Decoded message : batch) {
                outcomes[message.index] = null;
            }
            return aborted;
        } catch (RuntimeException commitFailure) {
            // Nothing of this batch committed: every message that looked handled failed after all.
            log.warn("Transaction of a batch of {} on {} failed: {}", batch.size(), binding.queue(), commitFailure.toString());
            for (Decoded message : batch) {
                if (outcomes[message.index] == null || outcomes[message.index] instanceof Outcome.Handled
                        || outcomes[message.index] instanceof Outcome.Duplicate) {
                    outcomes[message.index] = failed(binding, message, commitFailure);
                }
            }
        }
        return null;
    }

    /**
     * The inbox rows of a whole batch in one statement (the common path, without savepoints): the
     * keys that are new. A key twice in the batch is new at most once, for its first message. If
     * the statement fails, the batch runs again the careful way, one insert per message behind
     * its savepoint.
     */
    private Set<String> recordAll(HandlerBinding binding, List<Decoded> batch) {
        Map<String, String> typeByKey = new LinkedHashMap<>();
        for (Decoded message : batch) {
            typeByKey.putIfAbsent(message.key, message.event.type());
        }
        try {
            return inbox.recordAll(binding.queue(), new ArrayList<>(typeByKey.keySet()), new ArrayList<>(typeByKey.values()));
        } catch (RuntimeException e) {
            throw new BatchAborted(-1, e);
        }
    }

    /** @param fresh the batch's new keys when its inbox rows are already written, else null (one insert here) */
    private Outcome handleOne(HandlerBinding binding, Decoded message, TransactionStatus status, Isolation isolation,
                              Set<String> fresh, List<Runnable> afterCommit) {
        EventEnvelope<?> event = message.event;
        String key = message.key;
        EventContext context = new EventContext(key, event.eventId() == null ? null : event.eventId().toString(),
                event.type(), event.tenantId(), event.source(), event.correlationId(), message.traceparent(),
                binding.queue(), message.message.retryCount() + 1);
        Object point = isolation == Isolation.SAVEPOINT_PER_MESSAGE ? status.createSavepoint() : null;
        long started = System.nanoTime();
        try (var mdc = EventLogContext.open(event.type(), event.tenantId(), event.source(), event.correlationId(),
                context.eventId(), context.traceparent()); var scope = context.open()) {
            boolean isNew = fresh != null ? fresh.remove(key) : inbox.record(binding.queue(), key, event.type());
            if (!isNew) {
                log.info("Skipped duplicate {} {} on {}", event.type(), key, binding.queue());
                afterCommit.add(() -> metrics.duplicate(binding.queue(), event.type()));
                release(status, point);
                return new Outcome.Duplicate();
            }
            binding.invoker().invoke(event);
            release(status, point);
            Duration processing = Duration.ofNanos(System.nanoTime() - started);
            afterCommit.add(() -> {
                metrics.consumed(binding.queue(), event.type(), processing, Duration.between(event.timestamp(), Instant.now()));
                if (log.isInfoEnabled()) {
                    try (var again = EventLogContext.open(event.type(), event.tenantId(), event.source(),
                            event.correlationId(), context.eventId(), context.traceparent())) {
                        log.info("Consumed {} {} on {} (attempt {})", event.type(), key, binding.queue(), context.attempt());
                    }
                }
            });
            return new Outcome.Handled();
        } catch (Exception | Error e) {
            // An Error from a handler (an assertion, a stack overflow) fails its event like an exception:
            // retried, then dead-lettered, instead of stopping the queue's consumer.
            if (isolation == Isolation.ABORT_ON_FAILURE) {
                throw new BatchAborted(message.index, e);
            }
            if (point != null) {
                status.rollbackToSavepoint(point);
            } else {
                status.setRollbackOnly();
            }
            return failed(binding, message, e);
        }
    }

    private static void release(TransactionStatus status, Object point) {
        if (point != null) {
            status.releaseSavepoint(point);
        }
    }

    private Outcome failed(HandlerBinding binding, Decoded message, Throwable cause) {
        String type = message.event.type();
        metrics.failed(binding.queue(), type, cause);
        if (cause instanceof PermanentEventFailure) {
            return deadLetter(binding, DeadLetterReason.PERMANENT_FAILURE, cause);
        }
        int attempt = message.message.retryCount() + 1;
        if (message.message.retryCount() >= binding.maxRetries()) {
            log.warn("{} {} failed on {} at attempt {}, no retries left: {}", type, message.event.eventId(),
                    binding.queue(), attempt, cause.toString());
            return deadLetter(binding, DeadLetterReason.RETRIES_EXHAUSTED, cause);
        }
        log.warn("{} {} failed on {} at attempt {}, will retry: {}", type, message.event.eventId(),
                binding.queue(), attempt, cause.toString());
        return new Outcome.Retry(cause);
    }

    private static DeadLetter deadLetter(HandlerBinding binding, DeadLetterReason reason, Throwable cause) {
        log.error("Dead-lettering a message on {} ({}): {}", binding.queue(), reason, cause.getMessage());
        return new DeadLetter(reason, cause);
    }

    private static EventEnvelope<?> decode(HandlerBinding binding, InboundMessage message) throws InvalidInbound {
        EventEnvelope<?> event;
        try {
            event = EventReader.read(message.body());
        } catch (MalformedEventException e) {
            throw new InvalidInbound(DeadLetterReason.MALFORMED_JSON, e);
        } catch (InvalidEventException e) {
            throw new InvalidInbound(switch (e.reason()) {
                case UNKNOWN_TYPE -> DeadLetterReason.UNKNOWN_TYPE;
                case UNSUPPORTED_VERSION -> DeadLetterReason.UNSUPPORTED_VERSION;
                case SCHEMA_VIOLATION -> DeadLetterReason.SCHEMA_VIOLATION;
            }, e);
        }
        if (!binding.type().wireName().equals(event.type())) {
            throw new InvalidInbound(DeadLetterReason.WRONG_QUEUE, new IllegalArgumentException(
                    "a " + event.type() + " event arrived on " + binding.queue() + ", which takes " + binding.type().wireName()));
        }
        return event;
    }

    /** The eventId, else the AMQP message id, else a SHA-256 of the body (DESIGN.md §3). */
    static String eventKey(EventEnvelope<?> event, InboundMessage message) {
        if (event.eventId() != null) {
            return event.eventId().toString();
        }
        if (message.messageId() != null && !message.messageId().isBlank()) {
            return message.messageId();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Decoded(int index, InboundMessage message, EventEnvelope<?> event, String key) {
        String traceparent() {
            return message.traceparent();
        }
    }

    /**
     * Rolls back a batch tried without savepoints, to run it again with them. {@code index}: the
     * message whose handler failed, or -1 when the batch's inbox statement failed.
     */
    private static final class BatchAborted extends RuntimeException {
        final int index;

        BatchAborted(int index, Throwable cause) {
            super(cause);
            this.index = index;
        }
    }

    private static final class InvalidInbound extends Exception {
        final DeadLetterReason reason;

        InvalidInbound(DeadLetterReason reason, Throwable cause) {
            super(cause.getMessage(), cause);
            this.reason = reason;
        }
    }
}
