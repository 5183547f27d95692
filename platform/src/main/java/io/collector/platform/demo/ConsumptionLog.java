package io.collector.platform.demo;

import io.collector.events.EventEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** What the demo services consumed, shared by all their contexts in this JVM. */
class ConsumptionLog {

    record Consumption(String service, EventEnvelope<?> event, Duration latency) {
    }

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> publishedAt = new ConcurrentHashMap<>();
    private final List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<Consumption> listener = c -> { };

    void published(EventEnvelope<?> event) {
        publishedAt.put(event.eventId(), Instant.now());
    }

    void consumed(String service, EventEnvelope<?> event) {
        Instant published = event.eventId() == null ? null : publishedAt.get(event.eventId());
        if (published == null) {
            return; // left in a durable queue by an earlier run: consumed, but not this run's to count
        }
        Duration latency = Duration.between(published, Instant.now());
        counts.computeIfAbsent(key(event.type(), service), k -> new AtomicInteger()).incrementAndGet();
        latenciesMicros.add(latency.toNanos() / 1000);
        listener.accept(new Consumption(service, event, latency));
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits, at most {@code deadline}, until the condition holds after a consumption; true if it does. */
    synchronized boolean awaitUntil(java.util.function.BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    void onConsumed(Consumer<Consumption> listener) {
        this.listener = listener;
    }

    int count(String type, String service) {
        AtomicInteger count = counts.get(key(type, service));
        return count == null ? 0 : count.get();
    }

    /** Percentile (0-100) of publish-to-handle latency in milliseconds. */
    double latencyPercentileMillis(double percentile) {
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }

    private static String key(String type, String service) {
        return type + "→" + service;
    }
}
