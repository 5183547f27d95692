package io.collector.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Percentiles over a run from one-second samples that each give only their own min, p50, p75, p95
 * and p99: each second's distribution is taken as linear between those points, its last 1 % as
 * spread evenly from its p99 to twice that, and the seconds are weighted by their message counts.
 * One bad second then weighs in with its share of the messages, as it does in the real percentile
 * (an average of the seconds' p99s would not).
 */
final class LatencyMix {

    private static final double[] LEVELS = {0, 0.50, 0.75, 0.95, 0.99, 1.0};

    private record Second(double weight, double[] points) {
        /** The share of this second's messages at or below {@code x}. */
        double below(double x) {
            if (x < points[0]) {
                return 0;
            }
            for (int i = 1; i < points.length; i++) {
                if (x < points[i]) {
                    return LEVELS[i - 1] + (LEVELS[i] - LEVELS[i - 1]) * (x - points[i - 1]) / (points[i] - points[i - 1]);
                }
            }
            return 1;
        }
    }

    private final List<Second> seconds = new ArrayList<>();
    private double total;
    private double highest;

    /** @param quantiles min, p50, p75, p95, p99 of one second, in ms */
    void add(double count, double[] quantiles) {
        double[] points = new double[LEVELS.length];
        System.arraycopy(quantiles, 0, points, 0, quantiles.length);
        points[5] = 2 * quantiles[4];
        for (int i = 1; i < points.length; i++) {
            points[i] = Math.max(points[i], points[i - 1] + 1e-9);
        }
        seconds.add(new Second(count, points));
        total += count;
        highest = Math.max(highest, points[5]);
    }

    int seconds() {
        return seconds.size();
    }

    /** The latency below which a share {@code q} of all the messages fell, in ms. */
    double quantile(double q) {
        double low = 0;
        double high = highest;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            double below = 0;
            for (Second s : seconds) {
                below += s.weight() * s.below(mid);
            }
            if (below / total >= q) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
