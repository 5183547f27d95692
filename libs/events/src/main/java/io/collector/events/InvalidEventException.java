package io.collector.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An event that breaks the contract. Like a malformed body it cannot get better by retrying, so
 * consumers dead-letter it and publishers refuse to send it.
 */
public class InvalidEventException extends IllegalArgumentException {

    /** Why the event was refused; consumers may route each differently (e.g. park newer versions). */
    public enum Reason {
        /** {@code type} names no event of the catalog. */
        UNKNOWN_TYPE,
        /** {@code version} is not one this build understands. */
        UNSUPPORTED_VERSION,
        /** The event does not match the JSON Schema of its type. */
        SCHEMA_VIOLATION
    }

    private final Reason reason;
    private final List<Violation> violations;

    public InvalidEventException(Reason reason, List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid event has at least one violation");
        }
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    /** Every violation found, in the order the validator found them. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
