package io.collector.platform;

import io.collector.platform.console.ConsoleApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Collector's services in one JVM, each in its own application context with its own schema, queues
 * and HTTP port, exactly as each would run alone, and the operator's console beside them: the
 * platform adds nothing but the starting.
 */
public final class CollectorPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectorPlatform.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private ConfigurableApplicationContext console;

    private CollectorPlatform() {
    }

    public static Set<String> serviceNames() {
        return ServiceCatalog.SERVICES.keySet();
    }

    /**
     * Starts every service, then the console; {@code overrides} gives each its extra properties
     * (ports, test isolation; the console is asked as {@code console}). If one fails, those already
     * started are stopped and the failure names the service.
     */
    public static CollectorPlatform start(Function<String, Map<String, Object>> overrides) {
        CollectorPlatform platform = new CollectorPlatform();
        try {
            ServiceCatalog.SERVICES.forEach((name, application) -> {
                long started = System.nanoTime();
                try {
                    platform.running.put(name, application.get().run(asArguments(overrides.apply(name))));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Service '" + name + "' failed to start: " + e.getMessage(), e);
                }
                log.info("{} started on port {} in {} ms", name, platform.port(name), (System.nanoTime() - started) / 1_000_000);
            });
            platform.startConsole(overrides.apply(ConsoleApplication.NAME));
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /**
     * The console, told where each service answers and which schema holds its bus tables. It has no
     * bus of its own, so the bus and test-run settings meant for services are left out.
     */
    private void startConsole(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        overrides.forEach((key, value) -> {
            if (!key.startsWith("collector.eventbus.") && !key.startsWith("collector.test.")) {
                properties.put(key, value);
            }
        });
        running.forEach((name, context) -> {
            properties.put("collector.console.services." + name + ".url", "http://localhost:" + port(name));
            properties.put("collector.console.services." + name + ".schema", context.getEnvironment()
                    .getRequiredProperty("collector.eventbus.schema"));
        });
        try {
            console = ConsoleApplication.application().run(asArguments(properties));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The console failed to start: " + e.getMessage(), e);
        }
        log.info("console started on port {}", consolePort());
    }

    /**
     * Waits until every service's {@code /actuator/health} says UP (database, broker, outbox);
     * fails naming the first service that is not, with its last answer.
     */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        for (String service : running.keySet()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port(service) + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            String last = "no answer";
            while (!isUp(last)) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(service + " is not healthy after " + timeout.toSeconds() + " s: " + last);
                }
                try {
                    last = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    last = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (!isUp(last)) {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                }
            }
        }
    }

    private static boolean isUp(String health) {
        try {
            return "UP".equals(JSON.readTree(health).path("status").asString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    public int consolePort() {
        if (console == null) {
            throw new IllegalStateException("The console is not running");
        }
        return ((WebServerApplicationContext) console).getWebServer().getPort();
    }

    /** As command-line arguments, so they win over the service's own config file, as they would for a lone service. */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    public int port(String service) {
        ConfigurableApplicationContext context = context(service);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context(String service) {
        ConfigurableApplicationContext context = running.get(service);
        if (context == null) {
            throw new IllegalArgumentException("No running service '" + service + "'; running: " + running.keySet());
        }
        return context;
    }

    /** Stops the services in the reverse order of their start. */
    @Override
    public void close() {
        if (console != null) {
            console.close();
            console = null;
        }
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(running.values());
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
