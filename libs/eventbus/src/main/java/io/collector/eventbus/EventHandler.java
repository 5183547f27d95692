package io.collector.eventbus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as this service's handler of one event type. The method takes the payload
 * record ({@code void on(OrderCreated created)}) or the whole envelope
 * ({@code void on(EventEnvelope<OrderCreated> event)}); the type follows from that parameter. The
 * bus binds it to the queue {@code <service>.<type>}, runs it in a transaction together with the
 * inbox row, and acks only after that transaction committed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventHandler {

    /** Retries after the first failed attempt; negative means the global {@code collector.eventbus.retry.max-retries}. */
    int maxRetries() default -1;
}
