package io.collector.bench.flow;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's memory, sampled every 100 ms from a daemon thread: heap used and committed
 * ({@link MemoryMXBean}), non-heap used, and the resident set size of the process
 * ({@code VmRSS} in {@code /proc/self/status}). Peaks are kept per phase (start, load); the
 * kernel's own peak RSS ({@code VmHWM}) and the heap still live after the last old-generation
 * collection are read at the end.
 */
final class MemorySampler implements AutoCloseable {

    private static final long MIB = 1024 * 1024;

    /** Peaks of one phase, in bytes. */
    static final class Peaks {
        volatile long heapUsed;
        volatile long heapCommitted;
        volatile long nonHeapUsed;
        volatile long rss;
        volatile double load1;

        String describe() {
            return String.format("heap used %d MiB (committed %d MiB), non-heap %d MiB, RSS %d MiB", heapUsed / MIB,
                    heapCommitted / MIB, nonHeapUsed / MIB, rss / MIB);
        }
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "flow-bench-memory");
        thread.setDaemon(true);
        return thread;
    });
    final Peaks start = new Peaks();
    final Peaks load = new Peaks();
    private volatile Peaks current = start;

    MemorySampler() {
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** From now on the samples go to the load phase. */
    void loadPhase() {
        current = load;
    }

    private void sample() {
        Peaks p = current;
        MemoryUsage heap = memory.getHeapMemoryUsage();
        p.heapUsed = Math.max(p.heapUsed, heap.getUsed());
        p.heapCommitted = Math.max(p.heapCommitted, heap.getCommitted());
        p.nonHeapUsed = Math.max(p.nonHeapUsed, memory.getNonHeapMemoryUsage().getUsed());
        p.rss = Math.max(p.rss, procStatus("VmRSS"));
        p.load1 = Math.max(p.load1, load1());
    }

    /** The kernel's peak resident set size of this process, bytes. */
    static long peakRss() {
        return procStatus("VmHWM");
    }

    static long rssNow() {
        return procStatus("VmRSS");
    }

    /** Heap in use after the latest collection of each heap pool, summed: the live set, roughly. */
    static long heapAfterLastGc() {
        long sum = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
