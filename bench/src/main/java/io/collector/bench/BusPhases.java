package io.collector.bench;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.config.EventBusAutoConfiguration.EventBusSettings;
import io.collector.eventbus.config.EventBusProperties;
import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OrderCreated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** The bus's three measurements, run in one Spring context of a service with the bus starter. */
final class BusPhases {

    static final String TENANT = "tenant-bench";

    private final BenchConfig config;
    private final ConfigurableApplicationContext context;
    private final OrderCreated payload;
    private final Probe probe;
    private final EventPublisher publisher;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final EventBusProperties properties;
    private final MeterRegistry registry;

    BusPhases(BenchConfig config, ConfigurableApplicationContext context, OrderCreated payload) {
        this.config = config;
        this.context = context;
        this.payload = payload;
        this.probe = context.getBean(Probe.class);
        this.publisher = context.getBean(EventPublisher.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.jdbc = context.getBean(JdbcClient.class);
        this.properties = context.getBean(EventBusSettings.class).properties();
        this.registry = context.getBean(EventBusMetrics.class).registry();
    }

    // ---------------------------------------------------------------- PostgreSQL commit latency

    record CommitProbe(Stats commit, double txPerSecond) {
    }

    /** One connection, autocommit, a one-row insert per transaction: what one fsync'd commit costs here. */
    CommitProbe commitProbe(int seconds) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        String table = config.schema() + ".commit_probe";
        long[] samples = new long[200_000];
        int n = 0;
        long start;
        long end;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("create table " + table + " (id bigserial primary key, v text)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into " + table + " (v) values ('x')")) {
                start = System.nanoTime();
                long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
                while (System.nanoTime() < deadline && n < samples.length) {
                    long t = System.nanoTime();
                    insert.executeUpdate();
                    samples[n++] = System.nanoTime() - t;
                }
                end = System.nanoTime();
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop table " + table);
            }
        }
        return new CommitProbe(Stats.of(java.util.Arrays.copyOf(samples, n)), n / ((end - start) / 1e9));
    }

    record SqlPatternProbe(int batch, double withSavepointsMicros, double withoutSavepointsMicros, double perBatchCommitMs) {
    }

    /**
     * The consumer's SQL pattern on one connection, per message of a batch of {@code batch}: a
     * savepoint, inbox insert, effect insert and savepoint release (the dispatcher's pattern before
     * 09c9642, and since then on a batch whose handler failed), against the same without the
     * savepoints; one commit per batch. What the database part of consuming costs,
     * without any broker or JSON work.
     */
    SqlPatternProbe sqlPatternProbe(int batch, int seconds) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        String schema = config.schema();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table " + schema + ".probe_inbox (like " + schema + ".inbox including all)");
                s.execute("create table " + schema + ".probe_effects (like " + schema + ".effects including all)");
            }
            c.setAutoCommit(false);
            double[] with = new double[1];
            double[] without = new double[1];
            double[] commitMs = new double[1];
            try (PreparedStatement inbox = c.prepareStatement("insert into " + schema + ".probe_inbox (consumer, event_key, event_type)"
                    + " values (?, ?, ?) on conflict do nothing");
                 PreparedStatement effect = c.prepareStatement("insert into " + schema + ".probe_effects"
                         + " (event_id, tenant_id, order_number, grand_total) values (?, ?, ?, ?)")) {
                for (boolean savepoints : new boolean[]{true, false, true, false}) {
                    long messages = 0;
                    long commitNanos = 0;
                    long batches = 0;
                    long start = System.nanoTime();
                    long deadline = start + TimeUnit.MILLISECONDS.toNanos(seconds * 500L);
                    while (System.nanoTime() < deadline) {
                        for (int i = 0; i < batch; i++) {
                            java.sql.Savepoint point = savepoints ? c.setSavepoint() : null;
                            java.util.UUID id = java.util.UUID.randomUUID();
                            inbox.setString(1, "probe");
                            inbox.setString(2, id.toString());
                            inbox.setString(3, "order.created");
                            inbox.executeUpdate();
                            effect.setObject(1, id);
                            effect.setString(2, TENANT);
                            effect.setString(3, payload.orderNumber());
                            effect.setBigDecimal(4, payload.grandTotal());
                            effect.executeUpdate();
                            if (point != null) {
                                c.releaseSavepoint(point);
                            }
                        }
                        long t = System.nanoTime();
                        c.commit();
                        commitNanos += System.nanoTime() - t;
                        batches++;
                        messages += batch;
                    }
                    double micros = (System.nanoTime() - start) / 1e3 / messages;
                    if (savepoints) {
                        with[0] = micros;
                    } else {
                        without[0] = micros;
                    }
                    commitMs[0] = commitNanos / 1e6 / batches;
                }
            } finally {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("drop table " + schema + ".probe_inbox");
                    s.execute("drop table " + schema + ".probe_effects");
                }
            }
            return new SqlPatternProbe(batch, with[0], without[0], commitMs[0]);
        }
    }

    // ---------------------------------------------------------------- R_broker: the bus without the database

    record BrokerResult(double rate, double producedRate, double relayedRate, long published, long handled,
                        long relayFailures, boolean drained, String timeline, CpuSnapshot.Usage cpu, BrokerWork.PerMessage work) {
    }

    /** The bus's own classes without the database ({@link NoDatabaseBus}); one producer thread, publishing outside a transaction. */
    BrokerResult brokerWithoutDatabase() throws Exception {
        AtomicBoolean producing = new AtomicBoolean(true);
        try (NoDatabaseBus bus = noDatabaseBus("nodb")) {
            InMemoryJdbcClient memory = bus.memory;
            Thread producer = new Thread(() -> {
                while (producing.get()) {
                    bus.publisher.publish(TENANT, payload);
                }
            }, "bench-nodb-producer");
            bus.start();
            producer.start();
            Timeline timeline = new Timeline(memory.inserted::get, memory.markedSent::get, bus.handled::get);
            timeline.sleep(config.warmup);
            long t0 = System.nanoTime();
            long h0 = bus.handled.get();
            long p0 = memory.inserted.get();
            long r0 = memory.markedSent.get();
            CpuSnapshot cpu0 = CpuSnapshot.now();
            BrokerWork work = new BrokerWork(config);
            BrokerWork.Snapshot work0 = work.take();
            long w0 = bus.handled.get(); // the eval reads the broker near its end, so the messages count from here
            timeline.sleep(config.brokerSeconds);
            CpuSnapshot.Usage cpu = CpuSnapshot.now().since(cpu0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (bus.handled.get() - h0) / seconds;
            double produced = (memory.inserted.get() - p0) / seconds;
            double relayed = (memory.markedSent.get() - r0) / seconds;
            // Read, as the first, where the eval ends: the messages in between are those the reductions cover.
            BrokerWork.Snapshot work1 = work.take();
            BrokerWork.PerMessage workPerMessage = work.between(work0, work1, bus.handled.get() - w0);
            producing.set(false);
            producer.join(10_000);
            boolean drained = waitUntil(bus::drained, config.drainTimeout);
            return new BrokerResult(rate, produced, relayed, memory.inserted.get(), bus.handled.get(), memory.markedFailed.get(),
                    drained, timeline.toString(), cpu, workPerMessage);
        } finally {
            producing.set(false);
        }
    }

    private NoDatabaseBus noDatabaseBus(String suffix) {
        return new NoDatabaseBus(properties, suffix, context.getBean("eventBusConnectionFactory", CachingConnectionFactory.class),
                context.getBean("eventBusRabbitTemplate", RabbitTemplate.class), context.getBean("eventBusRabbitAdmin", RabbitAdmin.class),
                registry);
    }

    // ---------------------------------------------------------------- R_e2e: outbox → broker → inbox with one effect per event

    record E2eResult(long warmupEvents, long events, double seconds, double rate, double publishRate, long effects,
                     long distinctEffects, long outboxPending, long outboxRows, long inboxRows, long queueDepth, long dlqDepth,
                     boolean drained, String timeline, CpuSnapshot.Usage cpu) {
        /** Counts over both rounds: exactly one effect and inbox row per event, nothing left anywhere. */
        boolean verified() {
            long all = warmupEvents + events;
            return drained && effects == all && distinctEffects == all && outboxPending == 0 && inboxRows == all
                    && queueDepth == 0 && dlqDepth == 0;
        }
    }

    /**
     * Producer threads each commit transactions of {@code e2e-tx-events} publishes (an order import),
     * for {@code e2e-seconds}; then everything is waited for. The rate is events ÷ (first publish →
     * last effect committed). A round of {@code e2e-warmup} seconds runs and drains first, unmeasured,
     * as PerfTest and the bus without the database warm up before their windows: the phases before
     * this one never ran the JDBC paths, and compiling them took about 0.3 cores of a cold run.
     */
    E2eResult endToEnd() throws Exception {
        probe.reset(0);
        long warmupEvents = config.e2eWarmup > 0 ? produce(config.e2eWarmup, new AtomicLong(), null) : 0;
        boolean drained = waitUntil(() -> probe.committed() >= warmupEvents, config.drainTimeout);
        AtomicLong published = new AtomicLong();
        Timeline timeline = new Timeline(published::get, relayedCounter(), probe::committed);
        CpuSnapshot cpu0 = CpuSnapshot.now();
        long start = System.nanoTime();
        long events = produce(config.e2eSeconds, published, timeline);
        long publishEnd = System.nanoTime();
        drained &= timeline.sleepUntil(() -> probe.committed() >= warmupEvents + events, config.drainTimeout);
        CpuSnapshot.Usage cpu = CpuSnapshot.now().since(cpu0);
        double seconds = (probe.lastCommitNanos() - start) / 1e9;
        String schema = config.schema();
        // A consumer can handle the last batch before the relay has its confirms and marks it SENT.
        waitUntil(() -> count("select count(*) from " + schema + ".outbox where status = 'PENDING'") == 0, config.drainTimeout);
        long effects = count("select count(*) from " + schema + ".effects");
        long distinct = count("select count(distinct event_id) from " + schema + ".effects");
        long pending = count("select count(*) from " + schema + ".outbox where status = 'PENDING'");
        long outboxRows = count("select count(*) from " + schema + ".outbox");
        long inbox = count("select count(*) from " + schema + ".inbox");
        RabbitAdmin admin = context.getBean("eventBusRabbitAdmin", RabbitAdmin.class);
        String queue = QueueNames.queue(config.service(), EventType.ORDER_CREATED.wireName());
        return new E2eResult(warmupEvents, events, seconds, events / seconds, events / ((publishEnd - start) / 1e9), effects,
                distinct, pending, outboxRows, inbox, depth(admin, queue), depth(admin, QueueNames.deadLetter(queue)), drained,
                timeline.toString(), cpu);
    }

    /** Runs the producer threads for {@code seconds}; returns how many events they published. {@code timeline}: sampled meanwhile. */
    private long produce(int seconds, AtomicLong published, Timeline timeline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> producers = new ArrayList<>();
        for (int i = 0; i < config.e2eProducers; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    transaction.executeWithoutResult(status -> {
                        for (int k = 0; k < config.e2eEventsPerTransaction; k++) {
                            publisher.publish(TENANT, payload);
                        }
                    });
                    published.addAndGet(config.e2eEventsPerTransaction);
                }
            }, "bench-e2e-producer-" + i);
            producers.add(t);
        }
        producers.forEach(Thread::start);
        if (timeline != null) {
            timeline.sleepUntil(() -> producers.stream().noneMatch(Thread::isAlive), seconds + 60);
        }
        for (Thread t : producers) {
            t.join();
        }
        return published.get();
    }

    // ---------------------------------------------------------------- latency at a fixed share of PerfTest's rate

    /** {@code outboxWait} and {@code afterOutbox} split {@code handle} where the relay locked the row (empty when not known). */
    record LatencyResult(double targetRate, double achievedRate, long events, Stats handle, Stats commit,
                         double maxSchedulerLagMs, long lateStarts, boolean drained, int unhandled, String timeline, String slowBySecond,
                         Stats outboxWait, Stats afterOutbox) {

        /** "publish → locked by the relay …; locked → handler …", or empty when not known. */
        String split() {
            return outboxWait.count() == 0 ? "" : "publish → locked by the relay: " + outboxWait + "; locked → handler: " + afterOutbox;
        }
    }

    /**
     * Publishes {@code rate} events/s in transactions of {@code latency-tx-events} events (one by
     * default), paced on a fixed schedule over {@code latency-producers} threads, for
     * {@code latency-e2e-seconds}. Latency = nanoTime at the handler's entry (and after its commit) −
     * nanoTime just before that event's {@code publish} was called.
     */
    LatencyResult latency(double rate) throws Exception {
        probe.reset(BenchConfig.latencySamples(rate, config.latencyE2eSeconds));
        int perTransaction = config.latencyEventsPerTransaction;
        AtomicLong published = new AtomicLong();
        long measureFrom = PacedLoad.endOfWarmUp();
        PacedLoad load = new PacedLoad("bench-latency-producer", rate / perTransaction, BenchConfig.latencyRunSeconds(config.latencyE2eSeconds), config.latencyProducers,
                t0 -> {
                    transaction.executeWithoutResult(status -> {
                        for (int n = 0; n < perTransaction; n++) {
                            long before = n == 0 ? t0 : System.nanoTime();
                            EventEnvelope<OrderCreated> event = publisher.publish(TENANT, payload);
                            if (before >= measureFrom) {
                                probe.published(event.eventId(), before);
                            }
                        }
                    });
                    published.addAndGet(perTransaction);
                });
        Timeline timeline = new Timeline(published::get, relayedCounter(), probe::committed);
        return awaitLatency(rate, load, config.latencyE2eSeconds, perTransaction, probe, timeline, probe::committed, measureFrom);
    }

    /**
     * The same paced publishing, one event at a time, into the bus without the database
     * ({@link NoDatabaseBus}): the latency the bus itself adds on top of the broker's, where
     * {@link #latency} adds the database's commits on both sides.
     */
    LatencyResult latencyWithoutDatabase(double rate) throws Exception {
        try (NoDatabaseBus bus = noDatabaseBus("nodblat")) {
            bus.probe.reset(BenchConfig.latencySamples(rate, config.latencySeconds));
            bus.start();
            AtomicLong published = new AtomicLong();
            long measureFrom = PacedLoad.endOfWarmUp();
            PacedLoad load = new PacedLoad("bench-nodb-latency-producer", rate, BenchConfig.latencyRunSeconds(config.latencySeconds), config.latencyNoDbProducers,
                    t0 -> {
                        EventEnvelope<OrderCreated> event = bus.publisher.publish(TENANT, payload);
                        if (t0 >= measureFrom) {
                            bus.probe.published(event.eventId(), t0);
                        }
                        published.incrementAndGet();
                    });
            Timeline timeline = new Timeline(published::get, bus.memory.markedSent::get, bus.handled::get);
            return awaitLatency(rate, load, config.latencySeconds, 1, bus.probe, timeline, bus.handled::get, measureFrom);
        }
    }

    private LatencyResult awaitLatency(double rate, PacedLoad load, int measuredSeconds, int perTick, Probe timed, Timeline timeline,
                                       LongSupplier handled, long measureFrom) throws InterruptedException {
        timeline.sleepUntil(load::finished, BenchConfig.latencyRunSeconds(measuredSeconds) + 60);
        load.await();
        long events = load.completedTicks() * perTick;
        boolean drained = timeline.sleepUntil(() -> handled.getAsLong() >= events, config.latencyDrainTimeout);
        // Drained, every event was handled: a timed event left is one handled before its publish instant
        // was registered (the producer thread descheduled between publish() and the probe), not a stuck one.
        long[] unhandled = drained ? new long[0] : timed.unhandledLowerBounds(System.nanoTime());
        long[][] split = timed.outboxWaitAndRest();
        return new LatencyResult(rate, load.achievedRate() * perTick, events, Stats.of(concat(timed.handleLatencies(), unhandled)),
                Stats.of(concat(timed.commitLatencies(), unhandled)), load.maxLagMs(), load.lateStarts(), drained, unhandled.length,
                timeline.toString(), timed.slowBySecond(measureFrom), Stats.of(split[0]), Stats.of(split[1]));
    }

    // ---------------------------------------------------------------- helpers

    private static long[] concat(long[] a, long[] b) {
        long[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Events the relay sent with a confirm, from the bus's own metric. */
    private LongSupplier relayedCounter() {
        String service = properties.getService();
        return () -> (long) registry.find("collector.events.published").tag("service", service).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long depth(RabbitAdmin admin, String queue) {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    /**
     * How often the main thread looks at a condition. Every wake-up costs CPU in the measured JVM (a
     * 5 ms poll was about 0.016 cores here); the rates come from timestamps, not from these wakes.
     */
    private static final long POLL_MILLIS = 20;

    static boolean waitUntil(BooleanSupplier condition, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * Samples three cumulative counters once a second (published into the outbox, relayed to the
     * broker with a confirm, handled) and keeps one line per second: where a backlog builds up
     * tells which stage is the bottleneck.
     */
    static final class Timeline {
        private final LongSupplier produced;
        private final LongSupplier relayed;
        private final LongSupplier handled;
        private final StringBuilder lines = new StringBuilder();
        private final long start = System.nanoTime();
        private long lastP;
        private long lastR;
        private long lastH;
        private long lastAt = start;

        /** Counts from the counters' values now, so cumulative counters of earlier phases do not show. */
        Timeline(LongSupplier produced, LongSupplier relayed, LongSupplier handled) {
            long p0 = produced.getAsLong();
            long r0 = relayed.getAsLong();
            long h0 = handled.getAsLong();
            this.produced = () -> produced.getAsLong() - p0;
            this.relayed = () -> relayed.getAsLong() - r0;
            this.handled = () -> handled.getAsLong() - h0;
            lines.append(String.format("%6s %10s %10s %10s %10s %10s%n", "t[s]", "outbox/s", "relayed/s", "handled/s",
                    "in outbox", "in queue"));
        }

        void sleep(int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            sleepUntil(() -> System.nanoTime() >= until, seconds + 1);
        }

        /** Samples until the condition holds or the timeout passed; true when it held. */
        boolean sleepUntil(BooleanSupplier condition, int timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    sample();
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
                if (System.nanoTime() - lastAt >= 1_000_000_000L) {
                    sample();
                }
            }
            sample();
            return true;
        }

        private void sample() {
            long now = System.nanoTime();
            double dt = (now - lastAt) / 1e9;
            if (dt < 0.05) {
                return;
            }
            long p = produced.getAsLong();
            long r = relayed.getAsLong();
            long h = handled.getAsLong();
            lines.append(String.format("%6.1f %10.0f %10.0f %10.0f %10d %10d%n", (now - start) / 1e9,
                    (p - lastP) / dt, (r - lastR) / dt, (h - lastH) / dt, p - r, r - h));
            lastP = p;
            lastR = r;
            lastH = h;
            lastAt = now;
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }

    static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
