package io.collector.eventbus;

/**
 * Thrown by a handler for an event that can never succeed (it refers to something that does not
 * exist and never will, say): the event goes to the DLQ at once instead of being retried.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }

    public PermanentEventFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
