package io.collector.bench.flow;

import io.collector.platform.flow.OrderToCashFlow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Order-to-cash flows from {@code threads} client threads, back to back, each thread its own
 * customer, product and order per flow: a warm-up, then the measured window; when the window
 * closes no thread starts another flow, and the flows still running are waited for (they count
 * as failures if they fail, but not in the rate). No pacing: the rate is what the platform
 * sustains with that many concurrent flows in progress.
 */
final class FlowLoad {

    /** One flow: when it ran (nanoTime), and its end-to-end latency (approval → paid and settled) or why it failed. */
    record Sample(int thread, int number, long startNanos, long endNanos, long endToEndNanos, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    record Outcome(List<Sample> samples, long startNanos, long windowStartNanos, long windowEndNanos, long endNanos) {

        /** Flows that completed inside the measured window. */
        List<Sample> measured() {
            return samples.stream().filter(s -> s.ok() && s.endNanos() >= windowStartNanos && s.endNanos() < windowEndNanos).toList();
        }

        List<Sample> failures() {
            return samples.stream().filter(s -> !s.ok()).toList();
        }

        double windowSeconds() {
            return (windowEndNanos - windowStartNanos) / 1e9;
        }

        double rate() {
            return measured().size() / windowSeconds();
        }
    }

    private final FlowConfig config;
    private final ToIntFunction<String> ports;

    FlowLoad(FlowConfig config, ToIntFunction<String> ports) {
        this.config = config;
        this.ports = ports;
    }

    /** Runs the warm-up and the window; the callbacks run (on this thread) when the window opens and when it closes. */
    Outcome run(Runnable windowOpens, Runnable windowCloses) throws InterruptedException {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long windowStart = start + Duration.ofSeconds(config.warmup).toNanos();
        long windowEnd = windowStart + Duration.ofSeconds(config.duration).toNanos();
        CountDownLatch finished = new CountDownLatch(config.threads);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < config.threads; t++) {
            int thread = t;
            Thread client = new Thread(() -> {
                try {
                    clientLoop(thread, windowEnd, samples);
                } finally {
                    finished.countDown();
                }
            }, "flow-client-" + t);
            client.setDaemon(true);
            client.start();
            threads.add(client);
        }
        Progress progress = new Progress(samples, start, windowStart, windowEnd);
        boolean opened = false;
        boolean closed = false;
        while (!finished.await(untilNextTick(opened ? windowEnd : windowStart, closed), TimeUnit.NANOSECONDS)) {
            long now = System.nanoTime();
            if (!opened && now >= windowStart) {
                opened = true;
                windowOpens.run();
            }
            if (!closed && now >= windowEnd) {
                closed = true;
                windowCloses.run();
            }
            progress.print(now, false);
        }
        if (!opened) {
            windowOpens.run();
        }
        if (!closed) {
            windowCloses.run();
        }
        progress.print(System.nanoTime(), true);
        return new Outcome(List.copyOf(samples), start, windowStart, windowEnd, System.nanoTime());
    }

    /** A second, or less when the window opens or closes sooner, so that the callbacks run on time. */
    private static long untilNextTick(long boundary, boolean allDone) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return allDone ? second : Math.max(1_000_000L, Math.min(second, boundary - System.nanoTime()));
    }

    private void clientLoop(int thread, long windowEnd, ConcurrentLinkedQueue<Sample> samples) {
        OrderToCashFlow flow = new OrderToCashFlow(ports, Duration.ofSeconds(config.stepTimeout));
        String threadTenant = "fb-" + config.run + "-t" + thread;
        int number = 0;
        while (System.nanoTime() < windowEnd) {
            number++;
            String tenant = config.tenantPer == FlowConfig.TenantMode.FLOW ? threadTenant + "-" + number : threadTenant;
            String correlationId = "flowbench-" + config.run + "-" + thread + "-" + number;
            long began = System.nanoTime();
            try {
                OrderToCashFlow.Result result = flow.run(tenant, correlationId, step -> { });
                long ended = System.nanoTime();
                samples.add(new Sample(thread, number, began, ended,
                        Duration.between(result.approvedAt(), result.finishedAt()).toNanos(), null));
            } catch (RuntimeException e) {
                // FlowFailedException (a refused call, an effect that never showed) or a transport error
                samples.add(new Sample(thread, number, began, System.nanoTime(), 0,
                        correlationId + " (tenant " + tenant + "): " + e));
            }
        }
    }

    /** A line every 10 s: phase, flows done, failures, the rate over the last 10 s. */
    private static final class Progress {
        private static final long EVERY = 10_000_000_000L;
        private final ConcurrentLinkedQueue<Sample> samples;
        private final long start;
        private final long windowStart;
        private final long windowEnd;
        private long printed;

        Progress(ConcurrentLinkedQueue<Sample> samples, long start, long windowStart, long windowEnd) {
            this.samples = samples;
            this.start = start;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.printed = start;
        }

        void print(long now, boolean force) {
            if (!force && now - printed < EVERY) {
                return;
            }
            long since = now - printed;
            printed = now;
            long done = 0;
            long failed = 0;
            long recent = 0;
            for (Sample s : samples) {
                if (s.ok()) {
                    done++;
                    if (s.endNanos() > now - since) {
                        recent++;
                    }
                } else {
                    failed++;
                }
            }
            String phase = now < windowStart ? "warm-up" : now < windowEnd ? "measuring" : "finishing";
            System.out.printf("  %4.0f s  %-9s  flows completed %5d, failed %d; %.2f flows/s over the last %.0f s%n",
                    (now - start) / 1e9, phase, done, failed, recent / (since / 1e9), since / 1e9);
        }
    }
}
