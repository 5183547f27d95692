package io.collector.bench.flow;

import io.collector.bench.CpuSnapshot;
import io.collector.bench.MachineFacts;
import io.collector.eventbus.inbound.HandlerBinding;
import io.collector.eventbus.inbound.HandlerRegistry;
import io.collector.eventbus.topology.QueueNames;
import io.collector.platform.CollectorPlatform;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The flow benchmark: starts the ten services in this JVM ({@link CollectorPlatform}, isolated by
 * the run's own exchange, queues and schemas), measures the start until every service's health is
 * UP, then drives order-to-cash flows through the REST APIs from concurrent client threads — a
 * warm-up, then a measured window — and prints the sustained flows per second, the end-to-end
 * latency of a flow (offer approved → invoice paid and settled), the peak memory of the JVM and the
 * machine's load. It checks that every flow completed, that nothing was dead-lettered and that the
 * outboxes and queues drained, removes the run's queues, exchange and schemas, and records the
 * figures in bench/README.md. Run by {@code bench/run-flows.sh}.
 */
public final class FlowBenchmark {

    private FlowBenchmark() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(new FlowConfig(args)) ? 0 : 1;
        } catch (Throwable e) {
            System.out.println();
            System.out.println("The flow benchmark failed: " + e);
            e.printStackTrace(System.out);
            status = 2;
        }
        System.exit(status);
    }

    /** The whole run; true if every flow completed and every check passed. */
    private static boolean run(FlowConfig config) throws Exception {
        MachineFacts machine = new MachineFacts();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + "Z";
        double jvmUpBeforeStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("== Collector flow benchmark, run %s, %s ==%n", config.run, date);
        System.out.printf("%s; %d CPUs, load average %s; JVM options %s, max heap %s%n", config.describe(), machine.cpus,
                machine.loadAtStart, jvmOptions(), machine.maxHeap);
        if (Double.parseDouble(machine.loadAtStart.split(" ")[0]) > 1.0) {
            System.out.println("WARNING: the machine is busy before the run (1-minute load average " + machine.loadAtStart.split(" ")[0]
                    + " on " + machine.cpus + " CPUs): the figures will be low and noisy.");
        }

        RunCleanup cleanup = new RunCleanup(config);
        Thread hook = new Thread(() -> {
            if (cleanup.runFromHook() != null) {
                System.out.println("(cleaned up from the shutdown hook: the run was interrupted)");
            }
        }, "flow-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);

        MemorySampler memory = new MemorySampler();
        FlowReport report = null;
        RunCleanup.Result cleaned;
        boolean ok = false;
        try {
            System.out.printf("%n-- 1/3 starting %d services (exchange %s, queues <service>-fb%s.*, schemas <service>_fb%s) --%n",
                    CollectorPlatform.serviceNames().size(), config.exchange(), config.run, config.run);
            Map<String, Long> startedAt = new LinkedHashMap<>();
            long start = System.nanoTime();
            CollectorPlatform platform;
            long contextsUp;
            try {
                platform = CollectorPlatform.start(service -> {
                    startedAt.put(service, System.nanoTime());
                    return config.properties(service);
                });
                contextsUp = System.nanoTime();
                cleanup.track(platform, declaredQueues(platform));
            } finally {
                cleanup.startSettled();
            }
            platform.awaitHealthy(Duration.ofSeconds(config.startTimeout));
            long healthy = System.nanoTime();
            FlowReport.Startup startup = new FlowReport.Startup(jvmUpBeforeStart, (contextsUp - start) / 1e9, (healthy - start) / 1e9,
                    perService(startedAt, contextsUp), memory.start.heapUsed, memory.start.heapCommitted, MemorySampler.rssNow(),
                    MemorySampler.heapAfterLastGc());
            System.out.print(startup.describe());
            System.out.printf("%d queues declared for the run (main, retry and dead-letter)%n", cleanup.queueCount());
            facts(platform, machine);

            System.out.printf("%n-- 2/3 order-to-cash flows: %s --%n", config.describe());
            memory.loadPhase();
            AtomicReference<CpuSnapshot> windowOpen = new AtomicReference<>();
            AtomicReference<CpuSnapshot.Usage> windowCpu = new AtomicReference<>();
            List<String> loadDuringWindow = new ArrayList<>();
            FlowLoad.Outcome outcome = new FlowLoad(config, platform::port).run(
                    () -> {
                        windowOpen.set(CpuSnapshot.now());
                        loadDuringWindow.add(MachineFacts.loadAverage());
                    },
                    () -> {
                        windowCpu.set(CpuSnapshot.now().since(windowOpen.get()));
                        loadDuringWindow.add(MachineFacts.loadAverage());
                    });
            long heapAfterGc = MemorySampler.heapAfterLastGc();

            System.out.printf("%n-- 3/3 checks: the outboxes and queues drain, nothing dead-lettered --%n");
            FlowReport.Checks checks = check(platform, config);
            System.out.print(checks.describe());
            FlowReport.Events events = FlowReport.Events.of(platform);
            machine.loadAtEnd = MachineFacts.loadAverage();
            report = new FlowReport(config, machine, date, jvmOptions(), startup, outcome, windowCpu.get(), loadDuringWindow,
                    memory.load, memory.start, MemorySampler.peakRss(), heapAfterGc, checks, events);
        } finally {
            memory.close();
            cleaned = cleanup.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        if (report != null) {
            report.cleanup(cleaned);
            System.out.println();
            System.out.print(report.summary());
            ok = report.passed();
            if (config.writeReadme) {
                report.writeInto(config.readme);
                System.out.println("Figures recorded in " + config.readme.toAbsolutePath().normalize());
            }
        }
        return ok;
    }

    /** The queues the services declared: per handler its queue, its retry delay queues and its DLQ. */
    private static List<String> declaredQueues(CollectorPlatform platform) {
        List<String> queues = new ArrayList<>();
        for (String service : CollectorPlatform.serviceNames()) {
            for (HandlerBinding binding : platform.context(service).getBean(HandlerRegistry.class).bindings()) {
                queues.add(binding.queue());
                for (int n = 1; n <= binding.maxRetries(); n++) {
                    queues.add(QueueNames.retry(binding.queue(), n));
                }
                queues.add(QueueNames.deadLetter(binding.queue()));
            }
        }
        return queues;
    }

    /** Each service's start, from the platform calling for its properties to the next one's (the last: to the platform's return). */
    private static Map<String, Double> perService(Map<String, Long> startedAt, long end) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> entries = new ArrayList<>(startedAt.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            long next = i + 1 < entries.size() ? entries.get(i + 1).getValue() : end;
            seconds.put(entries.get(i).getKey(), (next - entries.get(i).getValue()) / 1e9);
        }
        return seconds;
    }

    /**
     * Waits until every outbox is sent and every main and retry queue is empty (the flows' last
     * events, e.g. accounting's, may still be in flight), then counts what is left, above all in
     * the dead-letter queues.
     */
    private static FlowReport.Checks check(CollectorPlatform platform, FlowConfig config) {
        long end = System.nanoTime() + Duration.ofSeconds(config.settleTimeout).toNanos();
        long began = System.nanoTime();
        Backlog backlog;
        while (true) {
            backlog = backlog(platform, config);
            if (backlog.outboxPending() == 0 && backlog.queued() == 0 && backlog.retrying() == 0) {
                break;
            }
            if (System.nanoTime() > end) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return new FlowReport.Checks(backlog.outboxPending(), backlog.queued(), backlog.retrying(), backlog.deadLettered(),
                backlog.deadLetterQueues(), (System.nanoTime() - began) / 1e9);
    }

    private record Backlog(long outboxPending, long queued, long retrying, long deadLettered, Map<String, Long> deadLetterQueues) {
    }

    private static Backlog backlog(CollectorPlatform platform, FlowConfig config) {
        long pending = 0;
        long queued = 0;
        long retrying = 0;
        long dead = 0;
        Map<String, Long> dlqs = new LinkedHashMap<>();
        for (String service : CollectorPlatform.serviceNames()) {
            ConfigurableApplicationContext context = platform.context(service);
            pending += JdbcClient.create(context.getBean(DataSource.class))
                    .sql("select count(*) from " + config.schema(service) + ".outbox where status = 'PENDING'")
                    .query(Long.class).single();
            RabbitAdmin admin = context.getBean("eventBusRabbitAdmin", RabbitAdmin.class);
            for (HandlerBinding binding : context.getBean(HandlerRegistry.class).bindings()) {
                queued += depth(admin, binding.queue());
                for (int n = 1; n <= binding.maxRetries(); n++) {
                    retrying += depth(admin, QueueNames.retry(binding.queue(), n));
                }
                long inDlq = depth(admin, QueueNames.deadLetter(binding.queue()));
                dead += inDlq;
                if (inDlq > 0) {
                    dlqs.put(QueueNames.deadLetter(binding.queue()), inDlq);
                }
            }
        }
        return new Backlog(pending, queued, retrying, dead, dlqs);
    }

    private static long depth(RabbitAdmin admin, String queue) {
        QueueInformation info = admin.getQueueInfo(queue);
        if (info == null) {
            throw new IllegalStateException("queue " + queue + " is missing");
        }
        return info.getMessageCount();
    }

    private static void facts(CollectorPlatform platform, MachineFacts machine) {
        ConfigurableApplicationContext context = platform.context("offers");
        try {
            CachingConnectionFactory rabbit = context.getBean("eventBusConnectionFactory", CachingConnectionFactory.class);
            machine.rabbitmq = "RabbitMQ " + rabbit.createConnection().getDelegate().getServerProperties().get("version");
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            machine.postgres = jdbc.sql("select version()").query(String.class).single().replaceAll(" on .*", "");
            machine.postgresDurability = "fsync=" + setting(jdbc, "fsync") + ", synchronous_commit=" + setting(jdbc, "synchronous_commit")
                    + ", max_connections=" + setting(jdbc, "max_connections");
        } catch (RuntimeException e) {
            System.out.println("(broker and database versions unknown: " + e + ")");
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("select setting from pg_settings where name = ?").param(name).query(String.class).single();
    }

    /** The JVM's own options as given (heap, GC), or "JVM defaults". */
    static String jvmOptions() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("-X") || o.startsWith("-XX")).toList();
        return options.isEmpty() ? "JVM defaults" : String.join(" ", options);
    }
}
