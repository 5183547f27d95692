package io.collector.eventbus.inbound;

/** The headers the bus puts on retry and DLQ copies (documented in docs/architecture.md). */
public final class FailureHeaders {

    /** Retries made so far; our own count, since brokers from 3.13 on no longer let clients set x-death. */
    public static final String RETRY_COUNT = "x-retry-count";
    /** Attempts made in all, on a DLQ copy. */
    public static final String ATTEMPTS = "x-attempts";
    public static final String EXCEPTION_CLASS = "x-exception-class";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String ORIGINAL_QUEUE = "x-original-queue";
    public static final String FIRST_FAILURE_AT = "x-first-failure-at";
    public static final String LAST_FAILURE_AT = "x-last-failure-at";
    /** Why it was dead-lettered: one of {@link Outcome.DeadLetterReason}. */
    public static final String DEAD_LETTER_REASON = "x-dead-letter-reason";

    private FailureHeaders() {
    }
}
