package io.collector.eventbus.inbound;

/** What became of one delivery. */
public sealed interface Outcome {

    /** The handler's effect committed. */
    record Handled() implements Outcome {
    }

    /** The inbox already had this event: no second effect. */
    record Duplicate() implements Outcome {
    }

    /** Failed transiently and has retries left. */
    record Retry(Throwable cause) implements Outcome {
    }

    /** Goes to the DLQ: a permanent failure, or retries exhausted. */
    record DeadLetter(DeadLetterReason reason, Throwable cause) implements Outcome {
    }

    enum DeadLetterReason {
        MALFORMED_JSON, SCHEMA_VIOLATION, UNKNOWN_TYPE, UNSUPPORTED_VERSION, WRONG_QUEUE, PERMANENT_FAILURE, RETRIES_EXHAUSTED
    }
}
