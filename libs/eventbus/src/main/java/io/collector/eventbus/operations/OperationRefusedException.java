package io.collector.eventbus.operations;

/** The operation cannot be done in the target's current state (e.g. retrying a sent outbox row). */
public class OperationRefusedException extends RuntimeException {

    public OperationRefusedException(String message) {
        super(message);
    }
}
