package io.collector.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The one way to turn a message body into an event, and to check an event before publishing it:
 * parse, validate against the contract, then bind to the payload record of its type.
 */
public final class EventReader {

    private EventReader() {
    }

    /**
     * Reads a message body.
     *
     * @throws MalformedEventException if the body is not JSON
     * @throws InvalidEventException   if it breaks the contract, listing every violation
     */
    public static EventEnvelope<?> read(byte[] body) {
        JsonNode tree = EventJson.parse(body);
        EventValidator.instance().requireValid(tree);
        try {
            return EventJson.bind(tree);
        } catch (JacksonException e) {
            // Valid by the schema yet not bindable, e.g. an integer beyond Java's int range: still the sender's fault.
            throw new InvalidEventException(InvalidEventException.Reason.SCHEMA_VIOLATION,
                    List.of(new Violation(jsonPath(e), "cannot be read: " + e.getOriginalMessage())));
        }
    }

    /**
     * Refuses an event that breaks the contract; publishers call it so that an invalid event never
     * reaches the broker.
     *
     * @throws InvalidEventException listing every violation
     */
    public static void requireValid(EventEnvelope<?> event) {
        EventValidator.instance().requireValid(EventJson.toTree(event));
    }

    /**
     * The wire bytes of an event that keeps the contract: validated and written from one tree, so a
     * publisher serializes once.
     *
     * @throws InvalidEventException listing every violation
     */
    public static byte[] validBytes(EventEnvelope<?> event) {
        JsonNode tree = EventJson.toTree(event);
        EventValidator.instance().requireValid(tree);
        return EventJson.mapper().writeValueAsBytes(tree);
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
