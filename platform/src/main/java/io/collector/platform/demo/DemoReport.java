package io.collector.platform.demo;

import io.collector.events.EventType;

import java.io.PrintStream;
import java.time.Duration;

/** Counts per event type and consumer after the demo's events had their time to arrive. */
record DemoReport(DemoPlatform platform, int rounds, boolean complete) {

    static DemoReport await(DemoPlatform platform, int rounds, Duration deadline) {
        boolean complete = platform.consumptions().awaitUntil(() -> allConsumed(platform, rounds), deadline);
        return new DemoReport(platform, rounds, complete);
    }

    private static boolean allConsumed(DemoPlatform platform, int rounds) {
        for (EventType type : EventType.values()) {
            for (String consumer : type.consumers()) {
                if (platform.consumptions().count(type.wireName(), consumer) < rounds) {
                    return false;
                }
            }
        }
        return true;
    }

    void print(PrintStream out) {
        ConsumptionLog log = platform.consumptions();
        out.printf("%n%-20s %-10s %-12s %9s %9s%n", "event", "producer", "consumer", "published", "consumed");
        out.println("-".repeat(64));
        int published = 0;
        int consumed = 0;
        for (EventType type : EventType.values()) {
            for (String consumer : type.consumers()) {
                int count = log.count(type.wireName(), consumer);
                published += rounds;
                consumed += count;
                out.printf("%-20s %-10s %-12s %9d %9d %s%n", type.wireName(), type.producer(), consumer, rounds, count,
                        count == rounds ? "ok" : "MISSING");
            }
        }
        out.println("-".repeat(64));
        out.printf("%-44s %9d %9d%n", "total", published, consumed);
        out.printf("%nduplicates skipped by the inbox: %.0f   dead-lettered: %.0f%n",
                platform.total("collector.events.duplicates"), platform.total("collector.events.dead_lettered"));
        out.printf("publish-to-handle latency: p50 %.1f ms, p99 %.1f ms%n",
                log.latencyPercentileMillis(50), log.latencyPercentileMillis(99));
        out.println(complete ? "\nEvery event reached every consumer exactly as the spec's table says.\n"
                : "\nSome events did not arrive within the deadline (see MISSING above).\n");
    }
}
