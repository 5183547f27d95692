package io.collector.service.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Isolates a test run of a service from every other run and from a running platform: its own
 * exchange, queue names and schema, all removed when the test context closes
 * ({@link TestRunCleanup}), with short retry delays.
 */
public final class TestRun {

    /** Unique per JVM: every test context of one run shares the exchange, so services can talk. */
    public static final String ID = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    public static final String EXCHANGE = "collector-test-" + ID;

    private TestRun() {
    }

    /** The overrides for {@code service} (e.g. {@code orders}) in this run. */
    public static Map<String, String> properties(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("collector.eventbus.service", service + "-t" + ID);
        properties.put("collector.eventbus.schema", service + "_t" + ID);
        properties.put("collector.eventbus.exchange", EXCHANGE);
        properties.put("collector.eventbus.queue-expires", "10m");
        properties.put("collector.eventbus.retry.initial-delay", "200ms");
        properties.put("collector.eventbus.retry.multiplier", "2");
        properties.put("collector.eventbus.outbox.poll-interval", "200ms");
        properties.put("collector.test.cleanup", "true");
        return properties;
    }

    /** For a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        properties(service).forEach((key, value) -> registry.add(key, () -> value));
    }
}
