package io.collector.bench;

import io.collector.eventbus.config.EventBusProperties;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's settings. Each can be given as an argument {@code --name=value} or as the
 * environment variable {@code BENCH_NAME} (upper case, dashes as underscores); arguments win.
 * The bus settings start from {@link EventBusProperties}' own defaults, so a default run measures
 * the bus as a service gets it out of the box.
 */
final class BenchConfig {

    private static final EventBusProperties DEFAULTS = new EventBusProperties();
    static final int QUEUE_EXPIRES_MINUTES = 10;
    /**
     * Seconds each latency run publishes at its rate before it measures, PerfTest's and the bus's alike:
     * the broker may still be busy with a queue the phase before deleted, and the run's queue is new. For
     * the first 5–9 s of a new queue PerfTest's own per-second p99 was 200–900 ms on this machine (2026-11-28).
     */
    static final int LATENCY_WARMUP_SECONDS = 10;
    static final java.util.List<String> ALL_PHASES = java.util.List.of("perftest", "perftest-latency", "broker", "broker-latency", "e2e", "latency");

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);

    // Infrastructure
    final String rabbitmqUrl;
    final String databaseUrl;
    final String databaseUser;
    final String databasePassword;

    // Durations (seconds)
    final int warmup;
    final int perfTestSeconds;
    final int brokerSeconds;
    final int e2eSeconds;
    final int e2eWarmup;
    final int latencySeconds;
    final int latencyE2eSeconds;
    final int drainTimeout;
    final int latencyDrainTimeout;

    // Parameters shared with PerfTest
    final int confirmWindow;
    final int prefetch;
    final boolean perfTestMultiAck;
    final boolean perfTestBusHeaders;
    final boolean perfTestTopic;
    final boolean brokerWork;
    final String rabbitmqctl;

    // Bus tuning, through its public properties only
    final int consumerBatchSize;
    final int consumerConcurrency;
    final long consumerBatchWaitMillis;
    final long consumerAckDelayMillis;
    final int outboxBatchSize;
    final int outboxConfirmWindow;
    final String busLogLevel;

    // Load shape
    final int e2eProducers;
    final int e2eEventsPerTransaction;
    final int latencyProducers;
    final int latencyNoDbProducers;
    final double latencyLoad;
    final int latencyEventsPerTransaction;
    final int poolSize;

    /** Which phases to run (all by default; a partial run writes no README). */
    final java.util.Set<String> phases;
    /** The baseline to use when the perftest phase is skipped, msg/s. */
    final double perfTestRate;

    final Path readme;
    final boolean writeReadme;
    final String note;
    /** The library version measured (run.sh passes the git commit, +dirty when libs/ has changes). */
    final String library;

    private final Map<String, String> args;

    BenchConfig(String[] argv) {
        args = new HashMap<>();
        for (String arg : argv) {
            if (arg.startsWith("--") && arg.contains("=")) {
                args.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("arguments look like --name=value, got: " + arg);
            }
        }
        rabbitmqUrl = string("rabbitmq-url", System.getenv().getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
        databaseUrl = string("database-url", System.getenv().getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/collector"));
        databaseUser = string("database-user", System.getenv().getOrDefault("DATABASE_USER", "postgres"));
        databasePassword = string("database-password", System.getenv().getOrDefault("DATABASE_PASSWORD", ""));

        int duration = integer("duration", 20);
        warmup = integer("warmup", 30);
        perfTestSeconds = integer("perftest-seconds", duration);
        brokerSeconds = integer("broker-seconds", duration);
        e2eSeconds = integer("e2e-seconds", 15);
        e2eWarmup = integer("e2e-warmup", 10);
        // Long enough for two or three rollovers of the broker's quorum WAL at half load (one every
        // 30–45 s here): a p99 in steady state, the same for every client, not a window's luck.
        latencySeconds = integer("latency-seconds", 90);
        // Single-event transactions cannot offer half load on this machine (the database commits
        // too few): a longer run only grows the backlog, so this run keeps its 20 s.
        latencyE2eSeconds = integer("latency-e2e-seconds", 20);
        drainTimeout = integer("drain-timeout", 120);
        latencyDrainTimeout = integer("latency-drain-timeout", 20);

        confirmWindow = integer("confirm-window", 200);
        prefetch = integer("prefetch", DEFAULTS.getConsumer().getPrefetch());
        perfTestMultiAck = bool("perftest-multi-ack", true);
        perfTestBusHeaders = bool("perftest-bus-headers", true);
        perfTestTopic = bool("perftest-topic", true);
        brokerWork = bool("broker-work", true);
        rabbitmqctl = string("rabbitmqctl", "rabbitmqctl");

        consumerBatchSize = integer("consumer-batch-size", DEFAULTS.getConsumer().getBatchSize());
        consumerConcurrency = integer("consumer-concurrency", DEFAULTS.getConsumer().getConcurrency());
        consumerBatchWaitMillis = integer("consumer-batch-wait-ms", (int) DEFAULTS.getConsumer().getBatchWait().toMillis());
        consumerAckDelayMillis = integer("consumer-ack-delay-ms", (int) DEFAULTS.getConsumer().getAckDelay().toMillis());
        outboxBatchSize = integer("outbox-batch-size", DEFAULTS.getOutbox().getBatchSize());
        outboxConfirmWindow = integer("outbox-confirm-window", DEFAULTS.getOutbox().getConfirmWindow());
        busLogLevel = string("bus-log-level", "WARN");

        e2eProducers = integer("e2e-producers", 2);
        e2eEventsPerTransaction = integer("e2e-tx-events", 100);
        latencyProducers = integer("latency-producers", 24);
        latencyNoDbProducers = integer("latency-nodb-producers", 1);
        latencyLoad = Double.parseDouble(string("latency-load", "0.5"));
        latencyEventsPerTransaction = integer("latency-tx-events", 1);
        poolSize = integer("pool-size", Math.max(16, latencyProducers + e2eProducers + consumerConcurrency + 6));

        phases = new java.util.LinkedHashSet<>(java.util.List.of(string("phases", String.join(",", ALL_PHASES)).split(",")));
        perfTestRate = Double.parseDouble(string("perftest-rate", "0"));
        if (!phases.contains("perftest") && perfTestRate <= 0
                && (phases.contains("latency") || phases.contains("broker-latency") || phases.contains("perftest-latency"))) {
            throw new IllegalArgumentException("without the perftest phase the latency phases need --perftest-rate=<msg/s>");
        }
        if (latencyEventsPerTransaction < 1) {
            throw new IllegalArgumentException("--latency-tx-events must be at least 1, got " + latencyEventsPerTransaction);
        }

        readme = Path.of(string("readme", "bench/README.md"));
        writeReadme = bool("write-readme", true);
        note = string("note", "");
        library = string("library", "unknown");
    }

    /** Seconds a latency run measuring {@code measuredSeconds} publishes: its warm-up, then the measured seconds. */
    static int latencyRunSeconds(int measuredSeconds) {
        return LATENCY_WARMUP_SECONDS + measuredSeconds;
    }

    /** Room for the samples of {@code measuredSeconds} at {@code rate} events/s. */
    static int latencySamples(double rate, int measuredSeconds) {
        return (int) Math.ceil(rate * measuredSeconds * 1.1) + 1000;
    }

    boolean fullRun() {
        return phases.containsAll(ALL_PHASES);
    }

    String service() {
        return "bench-" + run;
    }

    String schema() {
        return "bench_" + run;
    }

    String exchange() {
        return "collector-bench-" + run;
    }

    String perfTestExchange() {
        return "bench-" + run + ".perftest-topic";
    }

    String perfTestQueue() {
        return "bench-" + run + ".perftest";
    }

    /** The bus properties of this run, as a service would put them in application.yml. */
    Map<String, Object> busProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("collector.eventbus.service", service());
        p.put("collector.eventbus.schema", schema());
        p.put("collector.eventbus.exchange", exchange());
        p.put("collector.eventbus.rabbitmq-url", rabbitmqUrl);
        p.put("collector.eventbus.consumer.prefetch", prefetch);
        p.put("collector.eventbus.consumer.batch-size", consumerBatchSize);
        p.put("collector.eventbus.consumer.concurrency", consumerConcurrency);
        p.put("collector.eventbus.consumer.batch-wait", consumerBatchWaitMillis + "ms");
        p.put("collector.eventbus.consumer.ack-delay", consumerAckDelayMillis + "ms");
        p.put("collector.eventbus.outbox.batch-size", outboxBatchSize);
        p.put("collector.eventbus.outbox.confirm-window", outboxConfirmWindow);
        // A run that dies leaves no queues behind for long (the property is meant for throw-away environments).
        p.put("collector.eventbus.queue-expires", QUEUE_EXPIRES_MINUTES + "m");
        return p;
    }

    String describeBusSettings() {
        return "consumer.prefetch=" + prefetch + ", consumer.batch-size=" + consumerBatchSize
                + ", consumer.concurrency=" + consumerConcurrency + ", consumer.batch-wait=" + consumerBatchWaitMillis + "ms"
                + ", consumer.ack-delay=" + consumerAckDelayMillis + "ms"
                + ", outbox.batch-size=" + outboxBatchSize + ", outbox.confirm-window=" + outboxConfirmWindow
                + ", queue-type=quorum (default)";
    }

    private String string(String name, String fallback) {
        if (args.containsKey(name)) {
            return args.get(name);
        }
        String env = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
        return env != null && !env.isBlank() ? env : fallback;
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    private boolean bool(String name, boolean fallback) {
        return Boolean.parseBoolean(string(name, Boolean.toString(fallback)));
    }
}
