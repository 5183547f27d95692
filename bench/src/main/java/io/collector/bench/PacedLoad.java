package io.collector.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Calls {@code tick} on a fixed schedule, {@code ticksPerSecond} for {@code seconds}, on threads that
 * share the schedule (a tick that starts late does not push the ones after it back: open-loop load,
 * so a slow system sees the load it was offered, not less). Each tick gets the instant it was planned
 * to start: its due time, or the planned end of its thread's sleep when it came due meanwhile. Timing
 * from there rather than from the actual start counts a thread that did not get a CPU in time (no
 * coordinated omission), without counting the planned grouping of ticks.
 */
final class PacedLoad {

    private final CountDownLatch done;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong maxLag = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong lastTickEnd = new AtomicLong();
    private final long start;

    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * A thread that waits sleeps at least this long, then runs every tick due by then: at most about
     * a thousand wake-ups a second per thread instead of one per tick. A wake-up cost the measured
     * JVM 20–40 µs of CPU on the 2-core VMs (about 0.1 cores at 4 000 ticks/s), CPU the broker then
     * lacks; ticks start up to this much late, which each latency run reports as scheduler lag.
     */
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** When the latency runs' warm-up ends for a load constructed right after this call: ticks before it are not timed. */
    static long endOfWarmUp() {
        return System.nanoTime() + START_DELAY_NANOS + TimeUnit.SECONDS.toNanos(BenchConfig.LATENCY_WARMUP_SECONDS);
    }

    PacedLoad(String name, double ticksPerSecond, int seconds, int threads, LongConsumer tick) {
        long interval = Math.max(1, Math.round(1e9 / ticksPerSecond));
        this.start = System.nanoTime() + START_DELAY_NANOS;
        long measuredFrom = start + TimeUnit.SECONDS.toNanos(BenchConfig.LATENCY_WARMUP_SECONDS);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        this.done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long plannedWake = 0;
                try {
                    while (true) {
                        long due = start + ticks.getAndIncrement() * interval;
                        if (due >= end) {
                            return;
                        }
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            long sleep = Math.max(due - now, MIN_PARK_NANOS);
                            plannedWake = now + sleep;
                            LockSupport.parkNanos(sleep);
                        }
                        // Ticks that came due while their thread slept by plan start when it planned to wake.
                        long planned = Math.max(due, plannedWake);
                        long t0 = System.nanoTime();
                        long lag = t0 - planned;
                        if (due >= measuredFrom) {
                            maxLag.accumulateAndGet(lag, Math::max);
                            if (lag > TimeUnit.MILLISECONDS.toNanos(5)) {
                                late.incrementAndGet();
                            }
                        }
                        tick.accept(planned);
                        completed.incrementAndGet();
                        lastTickEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } finally {
                    done.countDown();
                }
            }, name + "-" + i);
            t.start();
        }
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    void await() throws InterruptedException {
        done.await();
    }

    long completedTicks() {
        return completed.get();
    }

    /** Ticks per second from the first due instant to the end of the last tick. */
    double achievedRate() {
        return completed.get() / ((lastTickEnd.get() - start) / 1e9);
    }

    /** The largest lag of a tick due after the warm-up. */
    double maxLagMs() {
        return maxLag.get() / 1e6;
    }

    /** Ticks due after the warm-up that started more than 5 ms after they were due. */
    long lateStarts() {
        return late.get();
    }
}
