package io.collector.platform.demo;

import io.collector.events.EventType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The bus demo: starts the ten services of the spec's integration table as stand-ins on the real
 * RabbitMQ and PostgreSQL, publishes every spec example event from its producer through the
 * outbox, and shows each one consumed by its consumers, with counts. Exits non-zero when an
 * event did not arrive everywhere in time.
 */
public final class BusDemo {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private BusDemo() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(option(args, "--rounds=", System.getenv().getOrDefault("DEMO_ROUNDS", "5")));
        DemoReport report = run(rounds, System.out);
        System.exit(report.complete() ? 0 : 1);
    }

    static DemoReport run(int rounds, java.io.PrintStream out) {
        Map<String, String> settings = settingsFromEnvironment();
        out.printf("%nCollector bus demo%n  RabbitMQ   %s (exchange %s)%n  PostgreSQL %s%n%n",
                redact(settings.get("collector.eventbus.rabbitmq-url")), settings.get("collector.eventbus.exchange"),
                settings.get("spring.datasource.url"));
        try (DemoPlatform platform = new DemoPlatform(settings)) {
            long started = System.nanoTime();
            for (String service : DemoPlatform.serviceNames()) {
                out.printf("  starting %-12s%n", service);
                platform.start(service);
            }
            out.printf("%n%d services up in %.1f s%n%n", DemoPlatform.serviceNames().size(),
                    (System.nanoTime() - started) / 1e9);

            platform.consumptions().onConsumed(c -> {
                if (c.event().tenantId().endsWith("-1")) {
                    out.printf("  %-20s %-12s → %-12s consumed in %4d ms  (correlation %s)%n", c.event().type(),
                            c.event().source().replace("-service", ""), c.service(), c.latency().toMillis(),
                            c.event().correlationId());
                }
            });
            String tenantPrefix = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            out.printf("Publishing the spec's %d example events, %d round(s), each through its producer's outbox:%n%n",
                    EventType.values().length, rounds);
            for (int round = 1; round <= rounds; round++) {
                for (EventType type : EventType.values()) {
                    platform.publishExample(type, tenantPrefix + round);
                }
            }
            DemoReport report = DemoReport.await(platform, rounds, DEADLINE);
            report.print(out);
            return report;
        }
    }

    /** The configuration every service reads: environment variables with local defaults. */
    static Map<String, String> settingsFromEnvironment() {
        Map<String, String> env = System.getenv();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("collector.eventbus.rabbitmq-url", env.getOrDefault("RABBITMQ_URL", "amqp://guest:guest@localhost:5672"));
        settings.put("collector.eventbus.exchange", env.getOrDefault("RABBITMQ_EXCHANGE", "collector-events"));
        settings.put("spring.datasource.url", env.getOrDefault("DATABASE_URL", "jdbc:postgresql://localhost:5432/collector"));
        settings.put("spring.datasource.username", env.getOrDefault("DATABASE_USER", "collector"));
        settings.put("spring.datasource.password", env.getOrDefault("DATABASE_PASSWORD", "collector"));
        settings.put("spring.datasource.hikari.maximum-pool-size", "3");
        settings.put("spring.flyway.enabled", "false");
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.io.collector", "WARN");
        return settings;
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
    }
}
