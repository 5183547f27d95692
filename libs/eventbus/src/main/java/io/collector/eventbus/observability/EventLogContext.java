package io.collector.eventbus.observability;

import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the spec's logging fields (type, tenant, source, correlation id) and the event id into the
 * MDC for the duration of a publish or a handling, and restores what was there before.
 */
public final class EventLogContext implements AutoCloseable {

    public static final String CORRELATION_ID = "correlationId";
    public static final String TENANT_ID = "tenantId";
    public static final String EVENT_TYPE = "eventType";
    public static final String SOURCE = "source";
    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private EventLogContext() {
    }

    public static EventLogContext open(String type, String tenantId, String source, String correlationId,
                                       String eventId, String traceparent) {
        EventLogContext context = new EventLogContext();
        context.put(EVENT_TYPE, type);
        context.put(TENANT_ID, tenantId);
        context.put(SOURCE, source);
        context.put(CORRELATION_ID, correlationId);
        context.put(EVENT_ID, eventId);
        context.put(TRACE_ID, TraceParent.traceId(traceparent));
        return context;
    }

    private void put(String key, String value) {
        previous.put(key, MDC.get(key));
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
