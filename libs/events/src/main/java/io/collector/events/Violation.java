package io.collector.events;

import java.util.Objects;

/**
 * One way an event breaks its contract.
 *
 * @param path    where, as a JSON path from the event root, e.g. {@code $.data.lineItems[0].quantity}
 * @param message what is wrong, for a human reading a log or a dead-letter queue
 */
public record Violation(String path, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
