package io.collector.eventbus.inbound;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;

/**
 * One handler of this service for one event type, and the queue it is bound to.
 *
 * @param maxRetries retries after the first attempt before the DLQ
 */
public record HandlerBinding(EventType type, String queue, int maxRetries, Invoker invoker) {

    /** Calls the handler; exceptions mean the attempt failed. */
    @FunctionalInterface
    public interface Invoker {
        void invoke(EventEnvelope<?> event) throws Exception;
    }
}
