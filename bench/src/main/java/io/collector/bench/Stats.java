package io.collector.bench;

import java.util.Arrays;
import java.util.TreeMap;

/** Percentiles of nanosecond samples, in milliseconds, and how many samples were slower than {@link #SLOW_MILLIS}. */
public record Stats(int count, double p50, double p90, double p99, double max, double mean, int slow) {

    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int slow = 0;
        for (long n : sorted) {
            sum += n;
            if (n > SLOW_NANOS) {
                slow++;
            }
        }
        return new Stats(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.90)), ms(at(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), sum / sorted.length / 1e6, slow);
    }

    /** A sample slower than this misses the latency target (p99 ≤ 25 ms) on its own. */
    static final long SLOW_MILLIS = 25;
    private static final long SLOW_NANOS = SLOW_MILLIS * 1_000_000;

    /**
     * Where in a window the slow samples were published: per second from {@code fromNanos}, how many
     * took longer than {@link #SLOW_MILLIS} ("+12 s: 431"); seconds without any are left out. The
     * broker's stalls show as a few seconds holding nearly all of them.
     */
    static String slowBySecond(long[] publishedAt, long[] latencies, long fromNanos) {
        TreeMap<Long, Integer> bySecond = new TreeMap<>();
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > SLOW_NANOS) {
                bySecond.merge((publishedAt[i] - fromNanos) / 1_000_000_000, 1, Integer::sum);
            }
        }
        StringBuilder line = new StringBuilder();
        bySecond.forEach((second, count) -> line.append(line.isEmpty() ? "" : ", ").append('+').append(second).append(" s: ").append(count));
        return line.isEmpty() ? "none" : line.toString();
    }

    /** Nearest-rank percentile. */
    private static long at(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms (%d samples)",
                p50, p90, p99, max, mean, count);
    }
}
