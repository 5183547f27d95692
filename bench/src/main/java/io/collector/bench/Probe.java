package io.collector.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark's handler reports: how many effects committed and when the last one did, and,
 * for the events whose publish instant was registered, the publish-to-handle and
 * publish-to-commit latencies. All instants are {@link System#nanoTime()} of this one JVM.
 */
final class Probe {

    private final AtomicLong committed = new AtomicLong();
    private volatile long lastCommitNanos;
    private final Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();
    /** When the relay locked each event's outbox row, until it is handled (only the bus without the database reports it). */
    private final Map<UUID, Long> lockedAt = new ConcurrentHashMap<>();
    private volatile long[] handleLatency = new long[0];
    /** Publish → locked by the relay, per sample; -1 where not known. */
    private volatile long[] outboxWait = new long[0];
    private volatile long[] commitLatency = new long[0];
    private volatile long[] publishInstants = new long[0];
    private final AtomicInteger samples = new AtomicInteger();

    /** Starts a phase: counts from zero, room for {@code expectedSamples} latency samples. */
    synchronized void reset(int expectedSamples) {
        committed.set(0);
        lastCommitNanos = 0;
        publishedAt.clear();
        lockedAt.clear();
        handleLatency = new long[expectedSamples];
        outboxWait = new long[expectedSamples];
        commitLatency = new long[expectedSamples];
        publishInstants = new long[expectedSamples];
        samples.set(0);
    }

    void published(UUID eventId, long nanos) {
        publishedAt.put(eventId, nanos);
    }

    /** The publish instant of an event being handled, or null when it is not timed. */
    Long takePublishedAt(UUID eventId) {
        return publishedAt.remove(eventId);
    }

    /** Only in a latency run (reset with room for samples), so the throughput runs do not pay for it. */
    void locked(UUID eventId, long nanos) {
        if (handleLatency.length > 0) {
            lockedAt.put(eventId, nanos);
        }
    }

    /** When the relay locked the event's outbox row, or null when not reported. */
    Long takeLockedAt(UUID eventId) {
        return lockedAt.remove(eventId);
    }

    /** Called after the handler's transaction committed. */
    void committed(Long publishedNanos, long handledNanos) {
        committed(publishedNanos, handledNanos, null);
    }

    /** The same, with the instant the relay locked the event's row, which splits its latency in two. */
    void committed(Long publishedNanos, long handledNanos, Long lockedNanos) {
        long now = System.nanoTime();
        if (publishedNanos != null) {
            int i = samples.getAndIncrement();
            long[] handle = handleLatency;
            long[] commit = commitLatency;
            long[] instants = publishInstants;
            long[] waits = outboxWait;
            if (i < handle.length) {
                instants[i] = publishedNanos;
                handle[i] = handledNanos - publishedNanos;
                commit[i] = now - publishedNanos;
                waits[i] = lockedNanos == null ? -1 : Math.max(0, lockedNanos - publishedNanos);
            }
        }
        lastCommitNanos = now;
        committed.incrementAndGet();
    }

    /**
     * Publish instants of the timed events not handled yet, as lower bounds of their latency: a
     * run that ends with a backlog still counts its slowest events.
     */
    long[] unhandledLowerBounds(long now) {
        return publishedAt.values().stream().mapToLong(t -> now - t).toArray();
    }

    /** {@link Stats#slowBySecond} of the publish → handler latencies. */
    String slowBySecond(long fromNanos) {
        return Stats.slowBySecond(publishInstants, handleLatencies(), fromNanos);
    }

    long committed() {
        return committed.get();
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }

    long[] handleLatencies() {
        return Arrays.copyOf(handleLatency, Math.min(samples.get(), handleLatency.length));
    }

    /**
     * The handled samples' latency split where the relay locked their rows: publish → locked (the
     * wait in the outbox) and locked → handled (relay, broker, consumer). Empty when not reported.
     */
    long[][] outboxWaitAndRest() {
        int n = Math.min(samples.get(), outboxWait.length);
        long[] handle = handleLatency;
        long[] waits = outboxWait;
        long[] wait = new long[n];
        long[] rest = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (waits[i] >= 0) {
                wait[k] = waits[i];
                rest[k++] = handle[i] - waits[i];
            }
        }
        return new long[][]{Arrays.copyOf(wait, k), Arrays.copyOf(rest, k)};
    }

    long[] commitLatencies() {
        return Arrays.copyOf(commitLatency, Math.min(samples.get(), commitLatency.length));
    }
}
