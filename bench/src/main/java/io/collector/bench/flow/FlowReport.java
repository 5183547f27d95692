package io.collector.bench.flow;

import io.collector.bench.CpuSnapshot;
import io.collector.bench.MachineFacts;
import io.collector.bench.ReadmeFigures;
import io.collector.bench.Stats;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.platform.CollectorPlatform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The flow benchmark's summary on the console and its block and history row in bench/README.md. */
final class FlowReport {

    static final String RESULTS_BEGIN = "<!-- flow-results:begin (written by FlowBenchmark) -->";
    static final String RESULTS_END = "<!-- flow-results:end -->";
    static final String HISTORY_END = "<!-- flow-history:end -->";
    private static final long MIB = 1024 * 1024;

    /** The platform's start: until the contexts were up, until every health was UP, per service; memory then. */
    record Startup(double jvmUpBefore, double contextsSeconds, double healthySeconds, Map<String, Double> perService,
                   long heapUsedPeak, long heapCommittedPeak, long rssWhenHealthy, long heapAfterGc) {

        String describe() {
            return f("platform started in %.1f s (contexts %.1f s, then health UP everywhere); per service: %s%n"
                            + "memory during the start: peak heap used %d MiB (committed %d MiB), RSS %d MiB when healthy%n",
                    healthySeconds, contextsSeconds, perServiceText(), heapUsedPeak / MIB, heapCommittedPeak / MIB, rssWhenHealthy / MIB);
        }

        String perServiceText() {
            return perService.entrySet().stream().map(e -> f("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        }
    }

    /** What was left once the flows ended and the backlog had had its chance to drain. */
    record Checks(long outboxPending, long queued, long retrying, long deadLettered, Map<String, Long> deadLetterQueues,
                  double settleSeconds) {
        boolean ok() {
            return outboxPending == 0 && queued == 0 && retrying == 0 && deadLettered == 0;
        }

        String describe() {
            return f("after %.1f s: outbox pending %d, queued %d, in retry queues %d, in DLQs %d%s -> %s%n", settleSeconds,
                    outboxPending, queued, retrying, deadLettered, deadLetterQueues.isEmpty() ? "" : " " + deadLetterQueues,
                    ok() ? "OK" : "FAILED");
        }
    }

    /** Events per type out of the services' own meters (the whole run, warm-up included). */
    record Events(Map<String, long[]> counts, Map<String, double[]> hops, long retried, long failed, long deadLettered,
                  long duplicates) {

        static Events of(CollectorPlatform platform) {
            Map<String, long[]> counts = new TreeMap<>();
            Map<String, double[]> hops = new TreeMap<>();
            long retried = 0;
            long failed = 0;
            long dead = 0;
            long duplicates = 0;
            for (String service : CollectorPlatform.serviceNames()) {
                MeterRegistry registry = platform.context(service).getBean(EventBusMetrics.class).registry();
                for (Counter c : registry.find("collector.events.published").counters()) {
                    counts.computeIfAbsent(c.getId().getTag("type"), t -> new long[2])[0] += (long) c.count();
                }
                for (Counter c : registry.find("collector.events.consumed").counters()) {
                    counts.computeIfAbsent(c.getId().getTag("type"), t -> new long[2])[1] += (long) c.count();
                }
                for (Timer t : registry.find("collector.events.end_to_end").timers()) {
                    double[] hop = hops.computeIfAbsent(t.getId().getTag("type"), k -> new double[3]);
                    hop[0] += t.count();
                    hop[1] += t.totalTime(TimeUnit.MILLISECONDS);
                    hop[2] = Math.max(hop[2], t.max(TimeUnit.MILLISECONDS));
                }
                retried += sum(registry, "collector.events.retried");
                failed += sum(registry, "collector.events.failed");
                dead += sum(registry, "collector.events.dead_lettered");
                duplicates += sum(registry, "collector.events.duplicates");
            }
            return new Events(counts, hops, retried, failed, dead, duplicates);
        }

        private static long sum(MeterRegistry registry, String name) {
            return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
        }

        long consumed() {
            return counts.values().stream().mapToLong(c -> c[1]).sum();
        }

        String table() {
            StringBuilder s = new StringBuilder(f("%-20s %10s %10s %16s %12s%n", "event", "published", "consumed", "publish→handled", "max"));
            counts.forEach((type, c) -> {
                double[] hop = hops.getOrDefault(type, new double[3]);
                s.append(f("%-20s %10d %10d %13.1f ms %9.0f ms%n", type, c[0], c[1], hop[0] == 0 ? Double.NaN : hop[1] / hop[0], hop[2]));
            });
            s.append(f("retried %d, failed attempts %d, dead-lettered %d, duplicates ignored %d%n", retried, failed, deadLettered, duplicates));
            return s.toString();
        }
    }

    private final FlowConfig config;
    private final MachineFacts machine;
    private final String date;
    private final String jvmOptions;
    private final Startup startup;
    private final FlowLoad.Outcome outcome;
    private final CpuSnapshot.Usage cpu;
    private final List<String> loadDuringWindow;
    private final MemorySampler.Peaks loadPeaks;
    private final MemorySampler.Peaks startPeaks;
    private final long peakRss;
    private final long heapAfterGc;
    private final Checks checks;
    private final Events events;
    private final Stats endToEnd;
    private final Stats wholeFlow;
    private RunCleanup.Result cleanup;

    FlowReport(FlowConfig config, MachineFacts machine, String date, String jvmOptions, Startup startup, FlowLoad.Outcome outcome,
               CpuSnapshot.Usage cpu, List<String> loadDuringWindow, MemorySampler.Peaks loadPeaks, MemorySampler.Peaks startPeaks,
               long peakRss, long heapAfterGc, Checks checks, Events events) {
        this.config = config;
        this.machine = machine;
        this.date = date;
        this.jvmOptions = jvmOptions;
        this.startup = startup;
        this.outcome = outcome;
        this.cpu = cpu;
        this.loadDuringWindow = loadDuringWindow;
        this.loadPeaks = loadPeaks;
        this.startPeaks = startPeaks;
        this.peakRss = peakRss;
        this.heapAfterGc = heapAfterGc;
        this.checks = checks;
        this.events = events;
        List<FlowLoad.Sample> measured = outcome.measured();
        this.endToEnd = Stats.of(measured.stream().mapToLong(FlowLoad.Sample::endToEndNanos).toArray());
        this.wholeFlow = Stats.of(measured.stream().mapToLong(s -> s.endNanos() - s.startNanos()).toArray());
    }

    void cleanup(RunCleanup.Result result) {
        this.cleanup = result;
    }

    boolean passed() {
        return outcome.failures().isEmpty() && checks.ok() && events.deadLettered() == 0 && !outcome.measured().isEmpty()
                && (cleanup == null || cleanup.clean());
    }

    private long completed() {
        return outcome.samples().stream().filter(FlowLoad.Sample::ok).count();
    }

    private long peakHeap() {
        return Math.max(loadPeaks.heapUsed, startPeaks.heapUsed);
    }

    private long peakCommitted() {
        return Math.max(loadPeaks.heapCommitted, startPeaks.heapCommitted);
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(f("== Flow benchmark, run %s, %s ==%n", config.run, date));
        s.append(f("platform start (10 services until every /actuator/health is UP): %.1f s%n", startup.healthySeconds()));
        s.append(f("sustained order-to-cash flows: %.2f flows/s (%d completed in the %.0f s window; %s)%n", outcome.rate(),
                outcome.measured().size(), outcome.windowSeconds(), config.describe()));
        s.append(f("end-to-end latency, offer approved → invoice paid and settled: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                endToEnd.p50(), endToEnd.p99(), endToEnd.max()));
        s.append(f("whole flow incl. customer, product, stock and offer set-up: p50 %.0f ms, p99 %.0f ms%n", wholeFlow.p50(), wholeFlow.p99()));
        s.append(f("flows: %d completed in all (warm-up and the flows running when the window closed included), %d failed%n",
                completed(), outcome.failures().size()));
        outcome.failures().stream().limit(20).forEach(failure -> s.append("  FAILED ").append(failure.failure()).append('\n'));
        s.append(f("memory: peak heap used %d MiB (committed %d MiB, max %s), live heap after the last GC %d MiB, peak RSS %d MiB (VmHWM)%n",
                peakHeap() / MIB, peakCommitted() / MIB, machine.maxHeap, heapAfterGc / MIB, peakRss / MIB));
        s.append(f("CPU in the window: %s%n", cpu));
        s.append(f("load average: %s at start, %s in the window, %s at end%n", machine.loadAtStart, String.join(" → ", loadDuringWindow),
                machine.loadAtEnd));
        s.append(f("correctness: failed flows %d, %s", outcome.failures().size(), checks.describe()));
        if (cleanup != null) {
            s.append(cleanup).append('\n');
        }
        s.append(f("verdict: %s%n", passed() ? "PASSED" : "FAILED"));
        s.append('\n').append(timeline());
        s.append('\n').append(events.table());
        s.append(f("%nmachine: %d CPUs (%s), %s RAM, %s; %s (%s); %s; %s (%s)%n", machine.cpus, machine.cpuModel, machine.memory,
                machine.os, machine.java, jvmOptions, machine.rabbitmq, machine.postgres, machine.postgresDurability));
        return s.toString();
    }

    /** Per 10 s of the run: flows completed, their end-to-end p50 and p99. */
    String timeline() {
        StringBuilder s = new StringBuilder(f("%9s  %-9s %8s %9s %9s%n", "t[s]", "phase", "flows", "p50 ms", "p99 ms"));
        long bucket = 10_000_000_000L;
        for (long from = outcome.startNanos(); from < outcome.endNanos(); from += bucket) {
            long lo = from;
            long hi = Math.min(from + bucket, outcome.endNanos());
            long[] latencies = outcome.samples().stream().filter(x -> x.ok() && x.endNanos() >= lo && x.endNanos() < hi)
                    .mapToLong(FlowLoad.Sample::endToEndNanos).toArray();
            Stats st = Stats.of(latencies);
            String phase = hi <= outcome.windowStartNanos() ? "warm-up" : lo >= outcome.windowEndNanos() ? "finishing"
                    : lo >= outcome.windowStartNanos() && hi <= outcome.windowEndNanos() ? "measured" : "(edge)";
            s.append(f("%9s  %-9s %8d %9.0f %9.0f%n", f("%.0f-%.0f", (lo - outcome.startNanos()) / 1e9, (hi - outcome.startNanos()) / 1e9),
                    phase, latencies.length, st.p50(), st.p99()));
        }
        return s.toString();
    }

    /** Replaces the flow results block of the README and adds a row to the flow history table. */
    void writeInto(Path readme) throws IOException {
        new ReadmeFigures(RESULTS_BEGIN, RESULTS_END, "Flow benchmark: latest figures", HISTORY_END)
                .write(readme, resultsMarkdown(), historyRow());
    }

    private String historyRow() {
        return f("| %s | %s | %s | %d, tenant per %s | %.1f | %.2f | %.0f / %.0f / %.0f | %d | %d / %d | %s | %s → %s | %s |",
                date, config.run, config.library, config.threads, config.tenantPer.name().toLowerCase(), startup.healthySeconds(),
                outcome.rate(), endToEnd.p50(), endToEnd.p99(), endToEnd.max(), outcome.failures().size(), peakHeap() / MIB,
                peakRss / MIB, jvmOptions, machine.loadAtStart.split(" ")[0], machine.loadAtEnd.split(" ")[0],
                (passed() ? "" : "FAILED; ") + config.note);
    }

    private String resultsMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append(f("Run `%s` on %s (UTC) of the repository at `%s`, written by the benchmark itself: %s, %s.%n%n", config.run, date,
                config.library, config.describe(), jvmOptions));
        s.append("| figure | value |\n|---|---|\n");
        s.append(f("| platform start: 10 services until every `/actuator/health` is UP | **%.1f s** |%n", startup.healthySeconds()));
        s.append(f("| sustained order-to-cash flows (completed in the %.0f s window) | **%.2f flows/s** (%d flows) |%n",
                outcome.windowSeconds(), outcome.rate(), outcome.measured().size()));
        s.append(f("| end-to-end latency, offer approved → invoice paid and settled, p50 / p99 (max) | **%.0f / %.0f ms** (%.0f) |%n",
                endToEnd.p50(), endToEnd.p99(), endToEnd.max()));
        s.append(f("| whole flow incl. set-up (customer, product, stock, offer), p50 / p99 | %.0f / %.0f ms |%n", wholeFlow.p50(), wholeFlow.p99()));
        s.append(f("| failed flows (whole run) | %d of %d |%n", outcome.failures().size(), outcome.samples().size()));
        s.append(f("| peak heap used (committed; max heap) | **%d MiB** (%d MiB; %s) |%n", peakHeap() / MIB, peakCommitted() / MIB, machine.maxHeap));
        s.append(f("| peak RSS of the JVM (VmHWM) | **%d MiB** |%n", peakRss / MIB));
        s.append(f("| live heap after the last GC, end of the run | %d MiB |%n", heapAfterGc / MIB));
        s.append(f("| DLQ messages / outbox pending / queued after the run | %d / %d / %d |%n", checks.deadLettered(), checks.outboxPending(),
                checks.queued() + checks.retrying()));
        s.append(f("| load average (1, 5, 15 min) at start → end | %s → %s |%n", machine.loadAtStart, machine.loadAtEnd));
        s.append("\nDetails:\n\n");
        s.append(f("- Start per service (s, in start order): %s; contexts up after %.1f s, all healthy after %.1f s; the JVM had run %.1f s before."
                        + " Memory when healthy: peak heap used %d MiB, RSS %d MiB.%n", startup.perServiceText(), startup.contextsSeconds(),
                startup.healthySeconds(), startup.jvmUpBefore(), startup.heapUsedPeak() / MIB, startup.rssWhenHealthy() / MIB));
        s.append(f("- CPU in the window (average cores): %s.%n", cpu));
        s.append(f("- 1-minute load average when the window opened → closed: %s.%n", String.join(" → ", loadDuringWindow)));
        s.append(f("- Flows: %d completed in all (warm-up and the flows running when the window closed included), %d failed;"
                        + " %d events consumed in the run, %.1f per completed flow; retried %d, failed attempts %d, dead-lettered %d.%n",
                completed(), outcome.failures().size(), events.consumed(), events.consumed() / (double) Math.max(1, completed()),
                events.retried(), events.failed(), events.deadLettered()));
        outcome.failures().stream().limit(10).forEach(failure -> s.append("  - FAILED ").append(failure.failure()).append('\n'));
        s.append(f("- After the run: %s", checks.describe().replace(" -> ", ": ")));
        if (cleanup != null) {
            s.append("- ").append(cleanup).append(".\n");
        }
        s.append(f("- Machine: %d CPUs (%s), %s RAM, %s; %s; %s; %s (%s).%n", machine.cpus, machine.cpuModel, machine.memory, machine.os,
                machine.java, machine.rabbitmq, machine.postgres, machine.postgresDurability));
        s.append("\nPer 10 s of the run (flows completed in it, their end-to-end latency):\n\n```\n").append(timeline()).append("```\n");
        s.append("\nEvents of the whole run (the services' meters; publish → handled is the bus's `collector.events.end_to_end`, mean):\n\n```\n")
                .append(events.table()).append("```\n");
        return s.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
