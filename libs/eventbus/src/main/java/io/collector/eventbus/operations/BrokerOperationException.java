package io.collector.eventbus.operations;

/** The broker did not do what an operation needed (no confirm, connection refused): nothing was removed. */
public class BrokerOperationException extends RuntimeException {

    public BrokerOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
