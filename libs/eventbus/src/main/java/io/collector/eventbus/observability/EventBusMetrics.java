package io.collector.eventbus.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.micrometer.core.instrument.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bus's Micrometer meters. Names (Prometheus renders dots as underscores):
 * <ul>
 * <li>{@code collector.events.published} (service, type): confirmed by the broker</li>
 * <li>{@code collector.events.publish.failures} (service, type): nacked, returned or timed out; the row stays pending</li>
 * <li>{@code collector.events.consumed} (consumer, type): handled and committed</li>
 * <li>{@code collector.events.duplicates} (consumer, type): skipped because the inbox already had them</li>
 * <li>{@code collector.events.failed} (consumer, type, exception): failed attempts</li>
 * <li>{@code collector.events.retried} (consumer, type): sent to a delay queue</li>
 * <li>{@code collector.events.dead_lettered} (consumer, type, reason): sent to the DLQ</li>
 * <li>{@code collector.events.copy_refused} (consumer, type, target): a retry or DLQ copy the broker did not confirm; the original was requeued</li>
 * <li>{@code collector.events.processing} timer (consumer, type): handler and inbox, per event</li>
 * <li>{@code collector.events.end_to_end} timer (consumer, type): handled time minus the event's timestamp</li>
 * <li>{@code collector.outbox.pending} and {@code collector.outbox.oldest.age.seconds} gauges (service)</li>
 * <li>{@code collector.dlq.depth} gauge (queue)</li>
 * </ul>
 */
public class EventBusMetrics {

    private final MeterRegistry registry;
    private final String service;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestAgeSeconds = new AtomicLong();
    private final Map<String, AtomicLong> dlqDepth = new ConcurrentHashMap<>();
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();
    private final Map<String, ConsumedMeters> consumedMeters = new ConcurrentHashMap<>();

    public EventBusMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        registry.gauge("collector.outbox.pending", List.of(Tag.of("service", service)), outboxPending);
        registry.gauge("collector.outbox.oldest.age.seconds", List.of(Tag.of("service", service)), outboxOldestAgeSeconds);
    }

    public void published(String type) {
        publishedByType.computeIfAbsent(type,
                t -> registry.counter("collector.events.published", "service", service, "type", t)).increment();
    }

    public void publishFailed(String type) {
        registry.counter("collector.events.publish.failures", "service", service, "type", type).increment();
    }

    public void consumed(String consumer, String type, Duration processing, Duration endToEnd) {
        ConsumedMeters meters = consumedMeters.computeIfAbsent(consumer + '\n' + type, key -> new ConsumedMeters(
                registry.counter("collector.events.consumed", "consumer", consumer, "type", type),
                timer("collector.events.processing", consumer, type),
                timer("collector.events.end_to_end", consumer, type)));
        meters.consumed.increment();
        meters.processing.record(processing);
        if (!endToEnd.isNegative()) {
            meters.endToEnd.record(endToEnd);
        }
    }

    /** The meters of every handled event, looked up once per consumer and type rather than per event. */
    private record ConsumedMeters(Counter consumed, Timer processing, Timer endToEnd) {
    }

    public void duplicate(String consumer, String type) {
        registry.counter("collector.events.duplicates", "consumer", consumer, "type", type).increment();
    }

    public void failed(String consumer, String type, Throwable cause) {
        registry.counter("collector.events.failed", "consumer", consumer, "type", type,
                "exception", cause.getClass().getSimpleName()).increment();
    }

    public void retried(String consumer, String type) {
        registry.counter("collector.events.retried", "consumer", consumer, "type", type).increment();
    }

    public void deadLettered(String consumer, String type, String reason) {
        registry.counter("collector.events.dead_lettered", "consumer", consumer, "type", type, "reason", reason).increment();
    }

    public void copyRefused(String consumer, String type, String target) {
        registry.counter("collector.events.copy_refused", "consumer", consumer, "type", type, "target", target).increment();
    }

    public void outboxBacklog(long pending, Duration oldestAge) {
        outboxPending.set(pending);
        outboxOldestAgeSeconds.set(oldestAge.toSeconds());
    }

    public void dlqDepth(String queue, long depth) {
        dlqDepth.computeIfAbsent(queue, q -> registry.gauge("collector.dlq.depth",
                List.of(Tag.of("queue", q)), new AtomicLong())).set(depth);
    }

    public MeterRegistry registry() {
        return registry;
    }

    private Timer timer(String name, String consumer, String type) {
        return Timer.builder(name).tags("consumer", consumer, "type", type)
                .publishPercentileHistogram()
                .register(registry);
    }
}
