package io.collector.platform;

import io.collector.platform.console.ConsoleApplication;
import io.collector.platform.demo.BusDemo;
import io.collector.platform.flow.FlowFailedException;
import io.collector.platform.flow.OrderToCashFlow;
import io.collector.platform.flow.PeopleFlow;
import io.collector.service.config.EnvironmentCheck;
import io.collector.service.config.InvalidEnvironmentException;
import org.springframework.core.env.StandardEnvironment;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/run.sh}: starts every service in this JVM, runs the sales flow through their REST
 * APIs a few times, prints what happened and where to look, and keeps running until stopped.
 * {@code --bus-demo} runs the bus demo instead, {@code --console} only the console; {@code --flows=N}
 * sets the number of flows; {@code --exit} stops after the demo.
 */
public final class PlatformApplication {

    private PlatformApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        if (options.contains("--bus-demo")) {
            BusDemo.main(args);
            return;
        }
        if (options.contains("--console")) {
            // The console alone, beside services run as their own processes (deploy/: compose, Kubernetes).
            ConsoleApplication.application().run(options.stream().filter(o -> !o.equals("--console")).toArray(String[]::new));
            return;
        }
        PrintStream out = System.out;
        int flows = Integer.parseInt(option(options, "--flows=", "3"));
        out.printf("%nCollector platform: starting %d services%n%n", CollectorPlatform.serviceNames().size());
        long started = System.nanoTime();
        CollectorPlatform platform;
        try {
            List<String> applications = new ArrayList<>(CollectorPlatform.serviceNames());
            applications.add(ConsoleApplication.NAME);
            EnvironmentCheck.check(new StandardEnvironment(), applications);
            platform = CollectorPlatform.start(service -> defaults(options.contains("--verbose")));
        } catch (InvalidEnvironmentException e) {
            System.err.printf("%nCollector cannot start with these environment variables:%n  - %s%n",
                    String.join("%n  - ".formatted(), e.problems()));
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            System.err.printf("%nCollector did not start: %s%n", e.getMessage());
            System.exit(1);
            return;
        }
        platform.awaitHealthy(Duration.ofSeconds(60));
        out.printf("%nAll %d services up and healthy in %.1f s%n", CollectorPlatform.serviceNames().size(),
                (System.nanoTime() - started) / 1e9);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));

        List<Duration> flowDurations = new ArrayList<>();
        boolean allCompleted = runFlows(platform, flows, flowDurations, out) & runPeopleFlow(platform, out);
        DemoSummary.print(platform, flowDurations, out);
        printWhereToLook(platform, out);
        if (options.contains("--exit")) {
            platform.close();
            System.exit(allCompleted ? 0 : 1);
        }
        out.println("Running. Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }

    /** Order-to-cash flows for one demo tenant; each step shown for a few flows, a progress bar for many. */
    private static boolean runFlows(CollectorPlatform platform, int flows, List<Duration> durations, PrintStream out) {
        OrderToCashFlow flow = new OrderToCashFlow(platform::port, Duration.ofSeconds(30));
        String tenant = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        boolean stepByStep = flows <= 3;
        List<String> failures = new ArrayList<>();
        if (!stepByStep) {
            out.printf("%nOrder to cash × %d (tenant %s)%n", flows, tenant);
        }
        for (int i = 1; i <= flows; i++) {
            String correlationId = "o2c-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            if (stepByStep) {
                out.printf("%nOrder to cash %d of %d (tenant %s, correlation %s)%n", i, flows, tenant, correlationId);
            }
            try {
                OrderToCashFlow.Result result = flow.run(tenant, correlationId,
                        step -> { if (stepByStep) { out.println("  ✓ " + step); } });
                durations.add(Duration.between(result.approvedAt(), result.finishedAt()));
            } catch (FlowFailedException e) {
                failures.add(correlationId + ": " + e.getMessage());
                if (stepByStep) {
                    out.println("  ✗ " + e.getMessage());
                }
            }
            if (!stepByStep) {
                DemoSummary.progress(out, i, flows);
            }
        }
        failures.forEach(failure -> out.println("  ✗ " + failure));
        out.printf("%n%d of %d order-to-cash flows completed%n", durations.size(), flows);
        return failures.isEmpty();
    }

    private static boolean runPeopleFlow(CollectorPlatform platform, PrintStream out) {
        String tenant = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String correlationId = "people-" + UUID.randomUUID().toString().substring(0, 8);
        out.printf("%nHire to payroll (tenant %s, correlation %s)%n", tenant, correlationId);
        try {
            new PeopleFlow(platform::port, Duration.ofSeconds(30)).run(tenant, correlationId, step -> out.println("  ✓ " + step));
            return true;
        } catch (FlowFailedException e) {
            out.println("  ✗ " + e.getMessage());
            return false;
        }
    }

    private static void printWhereToLook(CollectorPlatform platform, PrintStream out) {
        out.printf("%nWhere to look:%n");
        out.printf("  console      http://localhost:%d/   (services, event rates, dead letters with replay, a flow's events)%n",
                platform.consolePort());
        for (String service : CollectorPlatform.serviceNames()) {
            int port = platform.port(service);
            out.printf("  %-12s API docs http://localhost:%d/swagger-ui.html   health http://localhost:%d/actuator/health"
                    + "   metrics http://localhost:%d/actuator/prometheus%n", service, port, port, port);
        }
        out.printf("  a token:     curl -s -X POST http://localhost:%d/local/tokens -H 'Content-Type: application/json'"
                + " -d '{\"tenantId\": \"my-tenant\"}'%n%n", platform.port("offers"));
    }

    /** Every service in the local profile (token minting on), quiet unless asked. */
    private static Map<String, Object> defaults(boolean verbose) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "local");
        properties.put("spring.main.banner-mode", "off");
        // One logging system serves every context of the JVM: a single service's name on each line would mislead.
        properties.put("logging.include-application-name", "false");
        if (!verbose) {
            properties.put("spring.main.log-startup-info", "false");
            properties.put("logging.level.root", "WARN");
            properties.put("logging.level.io.collector", "WARN");
            properties.put("logging.level.org.springdoc", "ERROR");
            properties.put("logging.level.io.collector.platform.CollectorPlatform", "INFO");
        }
        return properties;
    }

    private static String option(List<String> options, String prefix, String fallback) {
        return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst().orElse(fallback);
    }
}
