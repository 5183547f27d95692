package io.collector.events;

/** An event whose {@code type} is not in the catalog. */
public class UnknownEventTypeException extends IllegalArgumentException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("unknown event type '" + type + "'; known types: " + java.util.Arrays.stream(EventType.values())
                .map(EventType::wireName).toList());
        this.type = type;
    }

    public String type() {
        return type;
    }
}
