package io.collector.eventbus.operations;

/** The queue, message or outbox row an operator named does not exist (for this service). */
public class UnknownTargetException extends RuntimeException {

    public UnknownTargetException(String message) {
        super(message);
    }
}
