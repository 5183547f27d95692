package io.collector.platform.flow;

/** A business flow did not reach its next step: a call was refused or an event's effect never showed. */
public class FlowFailedException extends RuntimeException {

    public FlowFailedException(String message) {
        super(message);
    }
}
