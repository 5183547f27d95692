package io.collector.bench;

import io.collector.events.EventEnvelope;
import io.collector.events.EventExamples;
import io.collector.events.EventJson;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import io.collector.events.payload.OrderCreated;
import com.rabbitmq.client.ShutdownSignalException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run on one broker: RabbitMQ PerfTest first, then the bus, with the same message size,
 * persistence, publisher confirms, queue type and prefetch. Prints R_broker, R_e2e and the
 * latency at half of PerfTest's rate, and records them in bench/README.md. Run by bench/run.sh.
 */
public final class BusBenchmark {

    private BusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = new BenchConfig(args);
        MachineFacts machine = new MachineFacts();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + "Z";
        OrderCreated payload = (OrderCreated) EventReader.read(EventExamples.load(EventType.ORDER_CREATED)).data();
        // The body the bus sends is the outbox payload: the envelope exactly as EventPublisher builds it.
        int messageSize = EventJson.write(new EventEnvelope<>(UUID.randomUUID(), EventEnvelope.CURRENT_VERSION,
                EventType.ORDER_CREATED.wireName(), Instant.now(), BusPhases.TENANT, config.service() + "-service",
                UUID.randomUUID().toString(), null, payload)).length;

        System.out.printf("== Collector bus benchmark, run %s, %s ==%n", config.run, date);
        System.out.printf("message: order.created, %d bytes serialized; load average %s; %d CPUs%n",
                messageSize, machine.loadAtStart, machine.cpus);
        System.out.println("bus settings: " + config.describeBusSettings());

        if (Double.parseDouble(machine.loadAtStart.split(" ")[0]) > 1.0) {
            System.out.println("WARNING: the machine is busy before the run (1-minute load average " + machine.loadAtStart.split(" ")[0]
                    + " on " + machine.cpus + " CPUs): the figures will be low and noisy.");
        }

        PerfTestPhase.Result perf = null;
        double baseline = config.perfTestRate;
        if (config.phases.contains("perftest")) {
            System.out.printf("%n-- 1/7 RabbitMQ PerfTest (%d s warm-up + %d s) --%n", config.warmup, config.perfTestSeconds);
            perf = PerfTestPhase.run(config, messageSize);
            baseline = perf.rate();
            System.out.printf("PerfTest: %.0f msg/s received after the warm-up (%d samples); its own averages: sent %.0f, received %.0f%s%n",
                    perf.rate(), perf.samples(), perf.sendingAvg(), perf.receivingAvg(),
                    perf.interruptions() > 0 ? "; CONNECTION TROUBLE in " + perf.interruptions() + " lines" : "");
            System.out.printf("CPU after the warm-up: %s%n", perf.cpu());
            System.out.println("RabbitMQ's work per message in the window (reductions): " + perf.work());
        }
        PerfTestPhase.LatencyReference perfLatency = null;
        RawClientLatency.Result rawLatency = null;
        WalWatch wal = WalWatch.start(config);
        WalWatch.Windows walWindows = new WalWatch.Windows();
        if (config.phases.contains("perftest-latency")) {
            double rate = baseline * config.latencyLoad;
            System.out.printf("%n-- 2/7 RabbitMQ PerfTest held to %.0f%% of its rate: %.0f msg/s for %d s, its publish → consume latency; then the same through the RabbitMQ client --%n",
                    config.latencyLoad * 100, rate, config.latencySeconds);
            long from = WalWatch.afterLatencyWarmUp();
            perfLatency = PerfTestPhase.latencyAt(config, messageSize, rate);
            walWindows.perfTest = wal.window(from, System.nanoTime());
            System.out.println("PerfTest's latency (the broker alone): " + perfLatency + "; " + walWindows.perfTest.description());
            from = WalWatch.afterLatencyWarmUp();
            rawLatency = RawClientLatency.measure(config, messageSize, rate);
            walWindows.rawClient = wal.window(from, System.nanoTime());
            System.out.println("the broker through the RabbitMQ client, timed from the planned publish as the bus is: " + rawLatency.stats()
                    + "; " + walWindows.rawClient.description());
            System.out.println("messages slower than " + Stats.SLOW_MILLIS + " ms, by second of publishing: " + rawLatency.slowBySecond());
        }

        ConfigurableApplicationContext context = start(config);
        AtomicInteger interruptions = new AtomicInteger();
        Report report = null;
        try {
            facts(context, machine);
            context.getBean("eventBusConnectionFactory", CachingConnectionFactory.class).addConnectionListener(new ConnectionListener() {
                @Override
                public void onCreate(Connection connection) {
                }

                @Override
                public void onShutDown(ShutdownSignalException signal) {
                    if (!signal.isInitiatedByApplication()) {
                        interruptions.incrementAndGet();
                        System.out.println("WARNING: the broker closed a bus connection: " + signal.getMessage());
                    }
                }
            });
            BusPhases phases = new BusPhases(config, context, payload);

            System.out.printf("%n-- 3/7 PostgreSQL commit latency (one connection, one-row insert per transaction, 2 s) --%n");
            BusPhases.CommitProbe commit = phases.commitProbe(2);
            System.out.printf("commit: %s; %.0f tx/s%n", commit.commit(), commit.txPerSecond());
            BusPhases.SqlPatternProbe sql = phases.sqlPatternProbe(config.consumerBatchSize, 2);
            System.out.printf("consumer SQL pattern, batches of %d on one connection: %.0f µs/message with a savepoint per message (the dispatcher before 09c9642; since then only when a handler of the batch failed),"
                    + " %.0f µs/message without; commit %.2f ms per batch%n", sql.batch(), sql.withSavepointsMicros(),
                    sql.withoutSavepointsMicros(), sql.perBatchCommitMs());

            BusPhases.BrokerResult broker = null;
            if (config.phases.contains("broker")) {
                System.out.printf("%n-- 4/7 bus without the database (%d s warm-up + %d s) --%n", config.warmup, config.brokerSeconds);
                broker = phases.brokerWithoutDatabase();
                System.out.print(broker.timeline());
                System.out.printf("bus without database: %.0f msg/s handled (published into the in-memory outbox %.0f/s, relayed %.0f/s);"
                                + " %d published, %d handled, %d relay failures, drained: %s%s%n",
                        broker.rate(), broker.producedRate(), broker.relayedRate(), broker.published(), broker.handled(),
                        broker.relayFailures(), broker.drained(), ratio(broker.rate(), baseline, "R_broker"));
                System.out.printf("CPU in the window: %s%n", broker.cpu());
                System.out.println("RabbitMQ's work per message in the window (reductions): " + broker.work());
            }

            BusPhases.LatencyResult brokerLatency = null;
            if (config.phases.contains("broker-latency")) {
                double rate = baseline * config.latencyLoad;
                System.out.printf("%n-- 5/7 latency of the bus without the database at %.0f%% of PerfTest's rate: %.0f events/s for %d s on %d threads --%n",
                        config.latencyLoad * 100, rate, config.latencySeconds, config.latencyNoDbProducers);
                long from = WalWatch.afterLatencyWarmUp();
                brokerLatency = phases.latencyWithoutDatabase(rate);
                walWindows.bus = wal.window(from, System.nanoTime());
                printLatency(brokerLatency, config);
                System.out.println("publish → handler: " + brokerLatency.handle() + "; " + walWindows.bus.description());
                System.out.println("events slower than " + Stats.SLOW_MILLIS + " ms, by second of publishing: " + brokerLatency.slowBySecond());
                System.out.println("of which " + brokerLatency.split());
            }

            BusPhases.E2eResult e2e = null;
            if (config.phases.contains("e2e")) {
                System.out.printf("%n-- 6/7 bus end to end: %d producer threads × transactions of %d events for %d s, then drain"
                        + " (after %d s of the same and their drain, unmeasured) --%n",
                        config.e2eProducers, config.e2eEventsPerTransaction, config.e2eSeconds, config.e2eWarmup);
                e2e = phases.endToEnd();
                System.out.print(e2e.timeline());
                System.out.printf("end to end: %d events in %.1f s (first publish → last effect committed) = %.0f msg/s;"
                        + " publishing alone ran at %.0f events/s%s%n", e2e.events(), e2e.seconds(), e2e.rate(), e2e.publishRate(),
                        ratio(e2e.rate(), baseline, "R_e2e"));
                System.out.printf("CPU from first publish to last effect: %s%n", e2e.cpu());
                System.out.printf("verification: effects %d (distinct %d) of %d, inbox rows %d, outbox rows %d of which pending %d,"
                                + " queue depth %d, DLQ depth %d -> %s%n", e2e.effects(), e2e.distinctEffects(), e2e.warmupEvents() + e2e.events(),
                        e2e.inboxRows(), e2e.outboxRows(), e2e.outboxPending(), e2e.queueDepth(), e2e.dlqDepth(),
                        e2e.verified() ? "OK, exactly one effect per event and an empty outbox" : "FAILED");
            }

            BusPhases.LatencyResult latency = null;
            if (config.phases.contains("latency")) {
                double rate = baseline * config.latencyLoad;
                System.out.printf("%n-- 7/7 latency end to end at %.0f%% of PerfTest's rate: %.0f events/s in transactions of %d for %d s on %d threads --%n",
                        config.latencyLoad * 100, rate, config.latencyEventsPerTransaction, config.latencyE2eSeconds,
                        config.latencyProducers);
                latency = phases.latency(rate);
                printLatency(latency, config);
                System.out.println("publish → handler:          " + latency.handle());
                System.out.println("publish → effect committed: " + latency.commit());
            }

            machine.loadAtEnd = MachineFacts.loadAverage();
            if (config.fullRun()) {
                report = new Report(config, machine, date, messageSize, perf, perfLatency, rawLatency, commit, sql, broker, brokerLatency, e2e, latency,
                        perf.interruptions() + interruptions.get(), walWindows);
            }
        } finally {
            wal.close();
            context.close();
        }
        if (report == null) {
            System.out.println("\nPartial run (" + config.phases + "): no summary, README left alone. Load average at end "
                    + machine.loadAtEnd + ".");
            return;
        }
        System.out.println();
        System.out.print(report.summary());
        if (config.writeReadme) {
            report.writeInto(config.readme);
            System.out.println("Figures recorded in " + config.readme.toAbsolutePath().normalize());
        }
    }

    private static void printLatency(BusPhases.LatencyResult latency, BenchConfig config) {
        System.out.print(latency.timeline());
        System.out.printf("published %d at %.0f/s (target %.0f/s; scheduler lag max %.1f ms, %d starts > 5 ms late), drained: %s%n",
                latency.events(), latency.achievedRate(), latency.targetRate(), latency.maxSchedulerLagMs(),
                latency.lateStarts(), latency.drained());
        if (!latency.drained()) {
            System.out.printf("NOT DRAINED: %d events were not handled %d s after the last publish; their wait so far counts"
                    + " as their latency, so the percentiles below are lower bounds%n", latency.unhandled(), config.latencyDrainTimeout);
        }
    }

    private static String ratio(double rate, double baseline, String name) {
        return baseline > 0 ? String.format("; %s = %.2f", name, rate / baseline) : "";
    }

    private static ConfigurableApplicationContext start(BenchConfig config) {
        Map<String, Object> properties = new HashMap<>(config.busProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", config.databaseUrl);
        properties.put("spring.datasource.username", config.databaseUser);
        properties.put("spring.datasource.password", config.databasePassword);
        properties.put("spring.datasource.hikari.maximum-pool-size", config.poolSize);
        properties.put("spring.flyway.enabled", false);
        // PerfTest brings Datadog, Prometheus and JMX registries: keep Boot from exporting to them.
        properties.put("management.defaults.metrics.export.enabled", false);
        properties.put("management.simple.metrics.export.enabled", true);
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.collector.eventbus", config.busLogLevel);
        return new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    private static void facts(ConfigurableApplicationContext context, MachineFacts machine) {
        CachingConnectionFactory rabbit = context.getBean("eventBusConnectionFactory", CachingConnectionFactory.class);
        Object version = rabbit.createConnection().getDelegate().getServerProperties().get("version");
        machine.rabbitmq = "RabbitMQ " + version;
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        machine.postgres = jdbc.sql("select version()").query(String.class).single().replaceAll(" on .*", "");
        machine.postgresDurability = "fsync=" + setting(jdbc, "fsync") + ", synchronous_commit=" + setting(jdbc, "synchronous_commit")
                + ", wal_sync_method=" + setting(jdbc, "wal_sync_method");
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select setting from pg_settings where name = ?").param(name).query(String.class).single();
    }
}
