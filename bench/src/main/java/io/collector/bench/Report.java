package io.collector.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The summary table on the console and the figures block of bench/README.md. */
final class Report {

    static final double R_BROKER_TARGET = 0.9;
    static final double R_E2E_TARGET = 0.5;
    static final double P99_TARGET_MS = 25;

    private static final String RESULTS_BEGIN = "<!-- results:begin (written by BusBenchmark) -->";
    private static final String RESULTS_END = "<!-- results:end -->";
    private static final String HISTORY_END = "<!-- history:end -->";

    private final BenchConfig config;
    private final MachineFacts machine;
    private final String date;
    private final int messageSize;
    private final PerfTestPhase.Result perf;
    private final PerfTestPhase.LatencyReference perfLatency;
    private final RawClientLatency.Result raw;
    private final Stats rawLatency;
    private final BusPhases.CommitProbe commit;
    private final BusPhases.SqlPatternProbe sql;
    private final BusPhases.BrokerResult broker;
    private final BusPhases.LatencyResult brokerLatency;
    private final BusPhases.E2eResult e2e;
    private final BusPhases.LatencyResult latency;
    private final int interruptions;
    private final WalWatch.Windows wal;

    Report(BenchConfig config, MachineFacts machine, String date, int messageSize, PerfTestPhase.Result perf,
           PerfTestPhase.LatencyReference perfLatency, RawClientLatency.Result raw, BusPhases.CommitProbe commit, BusPhases.SqlPatternProbe sql,
           BusPhases.BrokerResult broker, BusPhases.LatencyResult brokerLatency, BusPhases.E2eResult e2e,
           BusPhases.LatencyResult latency, int interruptions, WalWatch.Windows wal) {
        this.config = config;
        this.machine = machine;
        this.date = date;
        this.messageSize = messageSize;
        this.perf = perf;
        this.perfLatency = perfLatency;
        this.raw = raw;
        this.rawLatency = raw.stats();
        this.commit = commit;
        this.sql = sql;
        this.broker = broker;
        this.brokerLatency = brokerLatency;
        this.e2e = e2e;
        this.latency = latency;
        this.interruptions = interruptions;
        this.wal = wal;
    }

    /**
     * How many rollovers of the broker's quorum WAL each latency window held (their stalls decide a
     * p99), and the events slower than {@link Stats#SLOW_MILLIS} per rollover, which compares two
     * clients whose windows held a different number; for the summary and history.
     */
    private String walRollovers() {
        if (!wal.bus.watched()) {
            return "quorum WAL not watched";
        }
        return f("quorum WAL rollovers in the latency windows: PerfTest %d, raw client %d, bus %d; events over %d ms: raw client %s, bus %s",
                wal.perfTest.rollovers(), wal.rawClient.rollovers(), wal.bus.rollovers(), Stats.SLOW_MILLIS,
                slowPerRollover(rawLatency, wal.rawClient), slowPerRollover(brokerLatency.handle(), wal.bus));
    }

    private static String slowPerRollover(Stats latency, WalWatch.Window window) {
        return window.rollovers() == 0 ? String.valueOf(latency.slow())
                : f("%d (%d per rollover)", latency.slow(), latency.slow() / window.rollovers());
    }

    double rBroker() {
        return broker.rate() / perf.rate();
    }

    double rE2e() {
        return e2e.rate() / perf.rate();
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }

    private String brokerVerdict() {
        return broker.drained() && broker.relayFailures() == 0 ? verdict(rBroker() >= R_BROKER_TARGET) : "INVALID (lost or failed)";
    }

    private String e2eVerdict() {
        return e2e.verified() ? verdict(rE2e() >= R_E2E_TARGET) : "INVALID (verification failed)";
    }

    private static String latencyVerdict(BusPhases.LatencyResult latency) {
        String v = verdict(latency.handle().p99() <= P99_TARGET_MS) + (latency.drained() ? "" : " (backlog left: lower bounds)");
        return latency.achievedRate() < 0.95 * latency.targetRate() ? v + " (offered load fell short)" : v;
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(f("================ SUMMARY: run %s, %s ================%n", config.run, date));
        s.append(f("same for both: %d-byte body, persistent, publisher confirms (PerfTest window %d; relay batch %d, window %d),"
                        + " durable quorum queue, prefetch %d (the bus: per batch thread), 1 producer, 1 consumer channel (the bus: %d batch threads on it)%s%n", messageSize, config.confirmWindow,
                config.outboxBatchSize, config.outboxConfirmWindow, config.prefetch, config.consumerConcurrency,
                config.perfTestMultiAck ? ", acks every " + config.consumerBatchSize : ""));
        s.append(f("%-44s %12s %10s %12s  %s%n", "measurement", "msg/s", "ratio", "target", "verdict"));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", "PerfTest (baseline, after warm-up)", perf.rate(), "", "", ""));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", "bus without database", broker.rate(),
                f("R_broker=%.2f", rBroker()), f(">= %.2f", R_BROKER_TARGET), brokerVerdict()));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", "bus end to end (outbox→broker→inbox+effect)", e2e.rate(),
                f("R_e2e=%.2f", rE2e()), f(">= %.2f", R_E2E_TARGET), e2eVerdict()));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", f("PerfTest at %.0f%% load: p50 %.1f / p99 %.1f ms", config.latencyLoad * 100,
                perfLatency.p50(), perfLatency.p99()), perfLatency.achievedRate(), "", "", "(the broker alone)"));
        s.append(f("%-44s %12s %10s %12s  %s%n", f("raw client at %.0f%% load: p50 %.1f / p99 %.1f ms", config.latencyLoad * 100,
                rawLatency.p50(), rawLatency.p99()), "", "", "", "(the broker, timed as the bus is)"));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", f("bus w/o DB at %.0f%% load: p50 %.1f / p99 %.1f ms", config.latencyLoad * 100,
                        brokerLatency.handle().p50(), brokerLatency.handle().p99()), brokerLatency.achievedRate(), "",
                f("p99<=%.0f ms", P99_TARGET_MS), latencyVerdict(brokerLatency)));
        s.append(f("%-44s %12.0f %10s %12s  %s%n", f("end to end at %.0f%% load: p50 %.1f / p99 %.1f ms", config.latencyLoad * 100,
                        latency.handle().p50(), latency.handle().p99()), latency.achievedRate(), "",
                f("p99<=%.0f ms", P99_TARGET_MS), latencyVerdict(latency)));
        s.append(f("  (publish → effect committed: p50 %.1f / p99 %.1f / max %.1f ms; PostgreSQL commit alone p50 %.2f / p99 %.2f ms)%n",
                latency.commit().p50(), latency.commit().p99(), latency.commit().max(), commit.commit().p50(), commit.commit().p99()));
        s.append(f("%s%n", walRollovers()));
        s.append(f("RabbitMQ's work per message (reductions): PerfTest %s, the bus without the database %s%n",
                workTotal(perf.work()), workTotal(broker.work())));
        s.append(f("bus settings: %s; library at %s%n", config.describeBusSettings(), config.library));
        if (interruptions > 0) {
            s.append(f("DISTURBED RUN: broker connections were closed under the benchmark %d time(s) (someone else's rabbitmqctl?):"
                    + " do not trust these figures%n", interruptions));
        }
        s.append(f("machine: %d CPUs (%s), %s RAM, %s; %s; %s; %s; load average %s at start, %s at end%n",
                machine.cpus, machine.cpuModel, machine.memory, machine.os, machine.java, machine.rabbitmq, machine.postgres,
                machine.loadAtStart, machine.loadAtEnd));
        return s.toString();
    }

    /** Replaces the results block of the README and adds a row to its history table. */
    void writeInto(Path readme) throws IOException {
        new ReadmeFigures(RESULTS_BEGIN, RESULTS_END, "Latest figures", HISTORY_END).write(readme, resultsMarkdown(), historyRow());
    }

    private String historyRow() {
        return f("| %s | %s | %s | %.0f | %.0f | %.2f | %.0f | %.2f | %.1f / %.1f | %.0f of %.0f | %s | %s |",
                date, config.run, config.library, perf.rate(), broker.rate(), rBroker(), e2e.rate(), rE2e(),
                latency.handle().p50(), latency.handle().p99(), latency.achievedRate(), latency.targetRate(),
                f("batch %d, conc. %d, prefetch %d, outbox %d, window %d", config.consumerBatchSize, config.consumerConcurrency,
                        config.prefetch, config.outboxBatchSize, config.outboxConfirmWindow),
                f("load %s → %s; latency p50 / p99 ms of the bus without DB %.1f / %.1f, of the raw client %.1f / %.1f, of PerfTest %.1f / %.1f%s",
                        machine.loadAtStart.split(" ")[0], machine.loadAtEnd.split(" ")[0], brokerLatency.handle().p50(),
                        brokerLatency.handle().p99(), rawLatency.p50(), rawLatency.p99(), perfLatency.p50(), perfLatency.p99(),
                        "; " + walRollovers() + (config.note.isBlank() ? "" : "; " + config.note)));
    }

    private String resultsMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append(f("Run `%s` on %s (UTC) of the library at `%s`, written by the benchmark itself.%n%n", config.run, date, config.library));
        s.append("| figure | value | target | verdict |\n|---|---|---|---|\n");
        s.append(f("| PerfTest, msg/s received (after %d s warm-up; PerfTest's own whole-run average %.0f) | %.0f | baseline | |%n",
                config.warmup, perf.receivingAvg(), perf.rate()));
        s.append(f("| bus without the database, msg/s handled | %.0f | | |%n", broker.rate()));
        s.append(f("| **R_broker** | **%.2f** | ≥ %.2f | %s |%n", rBroker(), R_BROKER_TARGET, brokerVerdict()));
        s.append(f("| bus end to end (outbox → broker → inbox + 1 effect), msg/s | %.0f | | |%n", e2e.rate()));
        s.append(f("| **R_e2e** | **%.2f** | ≥ %.2f | %s |%n", rE2e(), R_E2E_TARGET, e2eVerdict()));
        s.append(f("| PerfTest held to %.0f%% of its rate, publish → consume p50 / p99 (worst second's p99), the broker alone | %.1f / %.1f ms (%.1f) at %.0f msg/s | | |%n",
                config.latencyLoad * 100, perfLatency.p50(), perfLatency.p99(), perfLatency.maxSecondP99(), perfLatency.achievedRate()));
        s.append(f("| the same PerfTest run, publish → confirm p50 / p99 | %.1f / %.1f ms | | |%n", perfLatency.confirmP50(),
                perfLatency.confirmP99()));
        s.append(f("| the broker through the RabbitMQ client at the same rate, timed from the planned publish as the bus is, p50 / p99 (max) | %.1f / %.1f ms (%.1f) | | |%n",
                rawLatency.p50(), rawLatency.p99(), rawLatency.max()));
        s.append(f("| latency of the bus without the database at %.0f%% load, publish → handler, **p50 / p99** (max) | **%.1f / %.1f ms** (%.1f) at %.0f events/s | p99 ≤ %.0f ms | %s |%n",
                config.latencyLoad * 100, brokerLatency.handle().p50(), brokerLatency.handle().p99(), brokerLatency.handle().max(),
                brokerLatency.achievedRate(), P99_TARGET_MS, latencyVerdict(brokerLatency)));
        s.append(f("| latency end to end (single-event transactions) at %.0f%% load, publish → handler, **p50 / p99** (max) | **%.1f / %.1f ms** (%.1f) | p99 ≤ %.0f ms | %s |%n",
                config.latencyLoad * 100, latency.handle().p50(), latency.handle().p99(), latency.handle().max(), P99_TARGET_MS,
                latencyVerdict(latency)));
        s.append(f("| latency publish → effect committed, p50 / p99 (max) | %.1f / %.1f ms (%.1f) | | |%n",
                latency.commit().p50(), latency.commit().p99(), latency.commit().max()));
        s.append(f("| offered load in the latency run, events/s in transactions of %d | %.0f of %.0f | | |%n",
                config.latencyEventsPerTransaction, latency.achievedRate(), latency.targetRate()));
        s.append("\nDetails:\n\n");
        s.append(f("- Message: `order.created` as EventPublisher serializes it, %d bytes; PerfTest `--size %d`.%n", messageSize, messageSize));
        s.append(f("- PerfTest: `%s`.%n", String.join(" ", perf.args()).replace(config.rabbitmqUrl, "<url>")));
        s.append(f("- Bus settings (public properties only): %s.%n", config.describeBusSettings()));
        s.append(f("- Bus without the database: published %d, handled %d, relay failures %d; stage rates: into the in-memory outbox %.0f/s, relayed with confirms %.0f/s, handled %.0f/s.%n",
                broker.published(), broker.handled(), broker.relayFailures(), broker.producedRate(), broker.relayedRate(), broker.rate()));
        s.append(f("- End to end: %d producer threads × transactions of %d events for %d s: %d events, %.1f s from first publish to last effect committed (publishing alone: %.0f events/s); before it, unmeasured, the same for %d s (%d events) and their drain.%n",
                config.e2eProducers, config.e2eEventsPerTransaction, config.e2eSeconds, e2e.events(), e2e.seconds(), e2e.publishRate(),
                config.e2eWarmup, e2e.warmupEvents()));
        s.append(f("- Verification: %d effects (%d distinct) for %d events, %d inbox rows, %d outbox rows, %d pending, queue depth %d, DLQ %d: %s.%n",
                e2e.effects(), e2e.distinctEffects(), e2e.warmupEvents() + e2e.events(), e2e.inboxRows(), e2e.outboxRows(), e2e.outboxPending(),
                e2e.queueDepth(), e2e.dlqDepth(), e2e.verified() ? "exactly one effect per event, empty outbox" : "FAILED"));
        s.append(f("- CPU in the measured windows (average cores busy, from /proc): PerfTest %s; bus without the database %s; end to end %s.%n",
                perf.cpu(), broker.cpu(), e2e.cpu()));
        s.append(f("- RabbitMQ's work per message in the same windows, in reductions (the Erlang VM's unit of work, read per process with `rabbitmqctl eval`): PerfTest: %s; the bus without the database: %s.%n",
                perf.work(), broker.work()));
        s.append(f("- The broker's quorum WAL in the latency runs' measured windows (a rollover stalls the broker for a few hundred ms): PerfTest: %s; the raw client: %s; the bus without the database: %s.%n",
                wal.perfTest.description(), wal.rawClient.description(), wal.bus.description()));
        s.append(f("- Where the slow ones were (over %d ms, by second of the measured window; a broker stall holds hundreds to thousands in one or two seconds): the raw client: %s; the bus without the database: %s.%n",
                Stats.SLOW_MILLIS, raw.slowBySecond(), brokerLatency.slowBySecond()));
        s.append(f("- PerfTest's latency run: `%s`; the run's percentiles are estimated from its one-second samples after a %d s warm-up, weighted by their message counts (LatencyMix). PerfTest stamps a message when it sends it, so a wait for room in its confirm window is not counted; the bus's latency counts from the event's planned publish, its wait in the outbox included.%n",
                String.join(" ", perfLatency.args()).replace(config.rabbitmqUrl, "<url>"), BenchConfig.LATENCY_WARMUP_SECONDS));
        s.append(f("- Latency of the bus without the database: %d events published one at a time, outside transactions, on %d threads for %d s; scheduler lag max %.1f ms, %d starts more than 5 ms late%s; %s.%n",
                brokerLatency.events(), config.latencyNoDbProducers, config.latencySeconds, brokerLatency.maxSchedulerLagMs(),
                brokerLatency.lateStarts(), brokerLatency.drained() ? "" : f("; %d left unhandled (lower bounds)", brokerLatency.unhandled()),
                brokerLatency.split()));
        s.append(f("- Latency end to end: %d events in transactions of %d on %d threads for %d s; scheduler lag max %.1f ms, %d starts more than 5 ms late.%n",
                latency.events(), config.latencyEventsPerTransaction, config.latencyProducers, config.latencyE2eSeconds,
                latency.maxSchedulerLagMs(), latency.lateStarts()));
        s.append(f("- PostgreSQL commit of a one-row insert, one connection: p50 %.2f ms, p99 %.2f ms (%.0f tx/s).%n",
                commit.commit().p50(), commit.commit().p99(), commit.txPerSecond()));
        s.append(f("- The consumer's SQL alone (one connection, batches of %d, commit per batch): %.0f µs per message with a savepoint per message (the dispatcher's pattern before 09c9642; since then only on a batch whose handler failed), %.0f µs without; %.2f ms per batch commit.%n",
                sql.batch(), sql.withSavepointsMicros(), sql.withoutSavepointsMicros(), sql.perBatchCommitMs()));
        s.append(f("- Machine: %d CPUs (%s), %s RAM, %s; %s, max heap %s; %s; %s (%s); load average %s at start, %s at end.%n",
                machine.cpus, machine.cpuModel, machine.memory, machine.os, machine.java, machine.maxHeap, machine.rabbitmq,
                machine.postgres, machine.postgresDurability, machine.loadAtStart, machine.loadAtEnd));
        if (!config.note.isBlank()) {
            s.append(f("- Note: %s%n", config.note));
        }
        if (!latency.drained()) {
            s.append(f("- The latency run left %d events unhandled %d s after its last publish; their wait so far is counted as their latency (lower bounds).%n",
                    latency.unhandled(), config.latencyDrainTimeout));
        }
        if (interruptions > 0) {
            s.append(f("- **Disturbed run**: broker connections were closed under the benchmark %d time(s).%n", interruptions));
        }
        s.append("\nEnd-to-end timeline (per second: published into the outbox, relayed with a confirm, handled; backlogs):\n\n```\n");
        s.append(e2e.timeline()).append("```\n");
        return s.toString();
    }

    private static String workTotal(BrokerWork.PerMessage work) {
        return work.measured() ? f("%.0f", work.total()) : "not measured";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
