package io.collector.platform;

import io.collector.eventbus.observability.EventBusMetrics;
import io.micrometer.core.instrument.Counter;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The closing figures of a demo run: events per type out of the services' own meters, DLQ counts, flow times. */
final class DemoSummary {

    private DemoSummary() {
    }

    static void print(CollectorPlatform platform, List<Duration> flowDurations, PrintStream out) {
        Map<String, double[]> perType = new TreeMap<>();
        double deadLettered = 0;
        for (String service : CollectorPlatform.serviceNames()) {
            var registry = platform.context(service).getBean(EventBusMetrics.class).registry();
            for (Counter counter : registry.find("collector.events.published").counters()) {
                perType.computeIfAbsent(counter.getId().getTag("type"), t -> new double[2])[0] += counter.count();
            }
            for (Counter counter : registry.find("collector.events.consumed").counters()) {
                perType.computeIfAbsent(counter.getId().getTag("type"), t -> new double[2])[1] += counter.count();
            }
            deadLettered += registry.find("collector.events.dead_lettered").counters().stream().mapToDouble(Counter::count).sum();
        }
        out.printf("%n%-20s %10s %10s%n", "event", "published", "consumed");
        perType.forEach((type, counts) -> out.printf("%-20s %10.0f %10.0f%n", type, counts[0], counts[1]));
        out.printf("dead-lettered in this run: %.0f%n", deadLettered);
        if (!flowDurations.isEmpty()) {
            List<Duration> sorted = flowDurations.stream().sorted().toList();
            out.printf("offer approval → invoice paid and settled: p50 %d ms, p99 %d ms over %d flows%n",
                    percentile(sorted, 50).toMillis(), percentile(sorted, 99).toMillis(), sorted.size());
        }
    }

    private static Duration percentile(List<Duration> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** {@code [#########...........]  9/20} on one line, rewritten in place. */
    static void progress(PrintStream out, int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        out.printf("\r  [%s%s] %d/%d", "#".repeat(filled), ".".repeat(width - filled), done, total);
        if (done == total) {
            out.println();
        }
    }
}
