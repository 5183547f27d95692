package io.collector.events;

/** Marker of the 11 payload records in {@code io.collector.events.payload}; {@link EventType} maps each to its wire name. */
public interface EventPayload {
}
