package io.collector.eventbus;

import java.util.Optional;

/**
 * What the bus knows about the event being handled on this thread: events published from inside a
 * handler inherit its correlation id and trace, and name it as their cause.
 *
 * @param eventKey the idempotency key: the eventId, else the AMQP message id, else a hash of the body
 */
public record EventContext(
        String eventKey,
        String eventId,
        String type,
        String tenantId,
        String source,
        String correlationId,
        String traceparent,
        String consumer,
        int attempt) {

    private static final ThreadLocal<EventContext> CURRENT = new ThreadLocal<>();

    /** The event being handled on this thread, if any. */
    public static Optional<EventContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds this context to the thread until the returned scope is closed. */
    public Scope open() {
        EventContext previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A scope that cannot fail to close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
