package io.collector.bench.flow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The flow benchmark's settings. Each is an argument {@code --name=value} or the environment
 * variable {@code BENCH_FLOW_NAME} (upper case, dashes as underscores); arguments win. The bus
 * benchmark's convention, with its own prefix so that one's settings never leak into the other.
 */
final class FlowConfig {

    /** Tenants: a new one per flow (every flow is a small business's first order), or one per client thread. */
    enum TenantMode { FLOW, THREAD }

    static final String QUEUE_EXPIRES = "10m";

    final String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);

    final int threads;
    final int warmup;
    final int duration;
    final int stepTimeout;
    final int startTimeout;
    final int settleTimeout;
    final TenantMode tenantPer;
    final String serviceLogLevel;

    final String rabbitmqUrl;
    final String databaseUrl;
    final String databaseUser;
    final String databasePassword;

    final Path readme;
    final boolean writeReadme;
    final String note;
    final String library;

    private final Map<String, String> args = new HashMap<>();

    FlowConfig(String[] argv) {
        for (String arg : argv) {
            if (arg.startsWith("--") && arg.contains("=")) {
                args.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("arguments look like --name=value, got: " + arg);
            }
        }
        threads = integer("threads", 4);
        warmup = integer("warmup", 50);
        duration = integer("duration", 60);
        stepTimeout = integer("step-timeout", 30);
        startTimeout = integer("start-timeout", 180);
        settleTimeout = integer("settle-timeout", 60);
        tenantPer = TenantMode.valueOf(string("tenant-per", "flow").toUpperCase());
        serviceLogLevel = string("service-log-level", "WARN");

        // What the services read themselves (their defaults), so the benchmark's own connections go to the same place.
        rabbitmqUrl = string("rabbitmq-url", env("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
        databaseUrl = string("database-url", env("DATABASE_URL", "jdbc:postgresql://localhost:5432/collector"));
        databaseUser = string("database-user", env("DATABASE_USER", "collector"));
        databasePassword = string("database-password", env("DATABASE_PASSWORD", "collector"));

        readme = Path.of(string("readme", "bench/README.md"));
        writeReadme = bool("write-readme", true);
        note = string("note", "");
        library = string("library", "unknown");
        if (threads < 1 || duration < 1 || warmup < 0) {
            throw new IllegalArgumentException("threads and duration must be positive, warmup not negative");
        }
    }

    String exchange() {
        return "collector-flowbench-" + run;
    }

    /** The bus's service name, hence the queue prefix, of {@code service} in this run. */
    String busService(String service) {
        return service + "-fb" + run;
    }

    String schema(String service) {
        return service + "_fb" + run;
    }

    /**
     * The overrides of one service: the platform's defaults for the demo (local profile, quiet
     * logs), a random port, and this run's own exchange, queue names and schema, like a test run.
     * Nothing else is tuned: the services run with their own configuration.
     */
    Map<String, Object> properties(String service) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "local");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("logging.include-application-name", "false");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.io.collector", serviceLogLevel);
        p.put("logging.level.org.springdoc", "ERROR");
        p.put("server.port", "0");
        p.put("collector.eventbus.service", busService(service));
        p.put("collector.eventbus.schema", schema(service));
        p.put("collector.eventbus.exchange", exchange());
        // A run that dies leaves its queues behind for ten minutes at most.
        p.put("collector.eventbus.queue-expires", QUEUE_EXPIRES);
        return p;
    }

    String describe() {
        return threads + " client threads, " + warmup + " s warm-up + " + duration + " s measured, a tenant per "
                + tenantPer.name().toLowerCase() + ", step timeout " + stepTimeout + " s";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private String string(String name, String fallback) {
        if (args.containsKey(name)) {
            return args.get(name);
        }
        String env = System.getenv("BENCH_FLOW_" + name.toUpperCase().replace('-', '_'));
        return env != null && !env.isBlank() ? env : fallback;
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    private boolean bool(String name, boolean fallback) {
        return Boolean.parseBoolean(string(name, Boolean.toString(fallback)));
    }
}
