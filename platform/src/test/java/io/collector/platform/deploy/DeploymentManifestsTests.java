package io.collector.platform.deploy;

import io.collector.eventbus.observability.EventBusMetrics;
import io.collector.platform.CollectorPlatform;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No container engine runs these files here, so this holds them to the code: every YAML under
 * deploy/ parses; every service has a compose service and a Kubernetes Deployment and Service on the
 * port its {@code <name>.yml} defaults to; every environment variable given to a service is one it
 * reads; probes and scrape annotations point at its Actuator; the Grafana dashboard only queries
 * metrics the bus registers. Paths are relative to the platform module (surefire's working directory).
 */
class DeploymentManifestsTests {

    private static final Path DEPLOY = Path.of("../deploy");
    private static final Path SERVICES = Path.of("../services");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonMapper JSON = new JsonMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** Read by the libraries' code, not through a placeholder in the services' yml. */
    private static final List<String> READ_BY_CODE = List.of("RABBITMQ_URL", "RABBITMQ_EXCHANGE", "COLLECTOR_JWT_SECRET");
    private static final List<String> COLLECTOR_CONFIG_KEYS =
            List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "RABBITMQ_URL", "COLLECTOR_JWT_SECRET");

    private static Map<Path, List<JsonNode>> yamlFiles;
    private static List<JsonNode> k8s;
    private static JsonNode compose;
    private static Map<String, ServiceConfig> services;
    private static Set<String> envNamesReadByServices;
    private static Set<String> springPropertiesAsEnv;
    private static String imageVersion;

    record ServiceConfig(String name, int port, String portVariable) {
        String image() {
            return "collector/" + name + ":" + imageVersion;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        assertThat(DEPLOY).as("deploy/ seen from %s", Path.of("").toAbsolutePath()).isDirectory();
        yamlFiles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                yamlFiles.put(file, documents(file));
            }
        }
        compose = yamlFiles.get(DEPLOY.resolve("compose.yaml")).get(0);
        k8s = yamlFiles.entrySet().stream()
                .filter(e -> e.getKey().startsWith(DEPLOY.resolve("k8s")))
                .flatMap(e -> e.getValue().stream())
                .filter(doc -> doc.has("kind") && !doc.get("kind").asString().equals("Kustomization"))
                .toList();

        imageVersion = projectVersion().replace("-SNAPSHOT", "");
        services = new LinkedHashMap<>();
        envNamesReadByServices = new TreeSet<>(READ_BY_CODE);
        for (String name : CollectorPlatform.serviceNames()) {
            Path yml = SERVICES.resolve(name).resolve("src/main/resources/" + name + ".yml");
            String text = Files.readString(yml);
            Matcher placeholders = PLACEHOLDER.matcher(text);
            while (placeholders.find()) {
                envNamesReadByServices.add(placeholders.group(1));
            }
            String serverPort = scalar(YAML.readTree(text), "server.port");
            Matcher port = PLACEHOLDER.matcher(serverPort);
            assertThat(port.matches()).as("%s: server.port is ${<NAME>_PORT:<default>}, was %s", yml, serverPort).isTrue();
            services.put(name, new ServiceConfig(name, Integer.parseInt(port.group(2)), port.group(1)));
        }
        springPropertiesAsEnv = springConfigurationPropertiesAsEnv();
    }

    @Test
    void everyYamlFileUnderDeployParses() {
        assertThat(yamlFiles).isNotEmpty();
        yamlFiles.forEach((file, docs) -> assertThat(docs).as("%s has YAML documents", file).isNotEmpty());
        assertThat(yamlFiles.keySet()).contains(DEPLOY.resolve("compose.yaml"));
        k8s.forEach(doc -> assertThat(doc.path("metadata").path("name").asString()).as("every manifest is named: %s", doc).isNotEmpty());
    }

    @Test
    void theServicesOfTheCodeAreTheServiceDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(SERVICES)) {
            Set<String> directories = dirs.filter(d -> Files.isDirectory(d.resolve("src/main/resources")))
                    .map(d -> d.getFileName().toString()).collect(Collectors.toSet());
            assertThat(directories).containsExactlyInAnyOrderElementsOf(CollectorPlatform.serviceNames());
        }
        services.values().forEach(s -> assertThat(s.portVariable()).isEqualTo(s.name().toUpperCase(Locale.ROOT) + "_PORT"));
        assertThat(services.values().stream().map(ServiceConfig::port).distinct().count()).as("distinct ports").isEqualTo(services.size());
    }

    @Test
    void everyServiceExposesHealthAndPrometheus() throws IOException {
        for (ServiceConfig service : services.values()) {
            JsonNode yml = YAML.readTree(SERVICES.resolve(service.name()).resolve("src/main/resources/" + service.name() + ".yml").toFile());
            assertThat(scalar(yml, "management.endpoints.web.exposure.include").split(",\\s*"))
                    .as("%s exposes", service.name()).contains("health", "prometheus");
        }
    }

    @Test
    void composeRunsEveryServiceWithItsImagePortAndEnvironment() {
        JsonNode composeServices = compose.get("services");
        for (String infrastructure : List.of("rabbitmq", "postgres")) {
            assertThat(composeServices.path(infrastructure).has("healthcheck")).as("%s has a healthcheck", infrastructure).isTrue();
        }
        assertThat(composeServices.get("rabbitmq").get("image").asString()).startsWith("rabbitmq:");
        assertThat(composeServices.get("postgres").get("image").asString()).startsWith("postgres:");

        for (ServiceConfig service : services.values()) {
            JsonNode container = composeServices.get(service.name());
            assertThat(container).as("compose service %s", service.name()).isNotNull();
            assertThat(container.get("image").asString()).isEqualTo(service.image());
            assertThat(container.at("/build/dockerfile").asString()).isEqualTo("deploy/Dockerfile");
            assertThat(container.at("/build/args/JAR_FILE").asString()).isEqualTo("services/" + service.name()
                    + "/target/collector-" + service.name() + "-" + projectVersion() + "-exec.jar");
            assertThat(texts(container.get("ports"))).containsExactly(service.port() + ":" + service.port());

            Map<String, String> env = fields(container.get("environment"));
            assertEnvironmentIsReadByTheService(service, env.keySet(), "compose " + service.name());
            assertThat(env).containsKeys("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "RABBITMQ_URL", "RABBITMQ_EXCHANGE",
                    "COLLECTOR_JWT_SECRET", service.portVariable());
            assertThat(env.get(service.portVariable())).isEqualTo(String.valueOf(service.port()));
            assertThat(env.get("DATABASE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(URI.create(env.get("RABBITMQ_URL").replaceAll("\\$\\{[^}]*}", "x")).getHost()).isEqualTo("rabbitmq");

            for (String dependency : List.of("rabbitmq", "postgres")) {
                assertThat(container.at("/depends_on/" + dependency + "/condition").asString())
                        .as("%s waits for %s", service.name(), dependency).isEqualTo("service_healthy");
            }
        }
        Set<String> unknown = new TreeSet<>(fields(composeServices).keySet());
        unknown.removeAll(services.keySet());
        assertThat(unknown).as("compose services that are neither Collector's nor its infrastructure")
                .containsOnly("rabbitmq", "postgres", "console");
    }

    /** The console: the platform jar with --console, told each service's address as compose and Kubernetes name it. */
    @Test
    void theConsoleRunsBesideTheServicesAndKnowsWhereEachAnswers() throws IOException {
        String serverPort = scalar(YAML.readTree(Path.of("src/main/resources/console.yml").toFile()), "server.port");
        Matcher placeholder = PLACEHOLDER.matcher(serverPort);
        assertThat(placeholder.matches()).as("console.yml server.port is ${CONSOLE_PORT:<default>}").isTrue();
        assertThat(placeholder.group(1)).isEqualTo("CONSOLE_PORT");
        int port = Integer.parseInt(placeholder.group(2));

        JsonNode composed = compose.at("/services/console");
        assertThat(composed.get("image").asString()).isEqualTo("collector/console:" + imageVersion);
        assertThat(composed.at("/build/args/JAR_FILE").asString()).isEqualTo("platform/target/collector-platform-exec.jar");
        assertThat(texts(composed.get("command"))).containsExactly("--console");
        assertThat(texts(composed.get("ports"))).containsExactly(port + ":" + port);
        Map<String, String> composeEnv = fields(composed.get("environment"));
        assertThat(composeEnv).containsEntry("CONSOLE_PORT", String.valueOf(port))
                .containsKeys("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "COLLECTOR_JWT_SECRET");
        assertConsoleKnowsEveryService(composeEnv, (host, servicePort) -> assertThat(texts(compose.at("/services/" + host + "/ports")))
                .as("compose service %s", host).containsExactly(servicePort + ":" + servicePort));

        JsonNode deployment = manifest("Deployment", "console");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.get("image").asString()).isEqualTo("collector/console:" + imageVersion);
        assertThat(texts(container.get("args"))).containsExactly("--console");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asInt()).as(probe).isEqualTo(port);
        }
        Map<String, String> k8sEnv = new LinkedHashMap<>();
        container.get("env").forEach(e -> k8sEnv.put(e.get("name").asString(), e.path("value").asString()));
        assertThat(k8sEnv).containsEntry("CONSOLE_PORT", String.valueOf(port));
        assertConsoleKnowsEveryService(k8sEnv, (host, servicePort) ->
                assertThat(manifest("Service", host).at("/spec/ports/0/port").asInt()).as("Service %s", host).isEqualTo(servicePort));
        assertThat(manifest("Service", "console").at("/spec/ports/0/port").asInt()).isEqualTo(port);
    }

    /** COLLECTOR_CONSOLE_SERVICES_<NAME>_URL binds to collector.console.services.<name>.url, one per service. */
    private static void assertConsoleKnowsEveryService(Map<String, String> env, BiConsumer<String, Integer> target) {
        for (ServiceConfig service : services.values()) {
            String variable = "COLLECTOR_CONSOLE_SERVICES_" + service.name().toUpperCase(Locale.ROOT) + "_URL";
            assertThat(env).as("the console is told where %s answers", service.name()).containsKey(variable);
            URI url = URI.create(env.get(variable));
            assertThat(url.getPort()).as(variable).isEqualTo(service.port());
            target.accept(url.getHost(), url.getPort());
        }
        assertThat(env.keySet().stream().filter(name -> name.startsWith("COLLECTOR_CONSOLE_SERVICES_")))
                .as("no address for a service that does not exist").hasSize(services.size());
    }

    @Test
    void theDockerfileRunsTheJarWithJavaOpts() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "ARG JAR_FILE", "COPY ${JAR_FILE}", "$JAVA_OPTS -jar");
        String envExample = Files.readString(DEPLOY.resolve(".env.example"));
        Matcher variables = Pattern.compile("\\$\\{([A-Z_]+)[:}]").matcher(Files.readString(DEPLOY.resolve("compose.yaml")));
        while (variables.find()) {
            assertThat(envExample).as("deploy/.env.example documents %s", variables.group(1)).contains(variables.group(1) + "=");
        }
    }

    @Test
    void kubernetesRunsEveryServiceAsADeploymentAndAService() {
        for (ServiceConfig service : services.values()) {
            JsonNode deployment = manifest("Deployment", service.name());
            assertThat(deployment.at("/spec/replicas").asInt()).as("%s scaled out", service.name()).isGreaterThanOrEqualTo(2);
            JsonNode pod = deployment.at("/spec/template");
            assertThat(fields(deployment.at("/spec/selector/matchLabels")).entrySet())
                    .isSubsetOf(fields(pod.at("/metadata/labels")).entrySet());
            Map<String, String> annotations = fields(pod.at("/metadata/annotations"));
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()));

            JsonNode containers = pod.at("/spec/containers");
            assertThat(containers.size()).isEqualTo(1);
            JsonNode container = containers.get(0);
            assertThat(container.get("image").asString()).isEqualTo(service.image());
            assertThat(container.get("ports").valueStream().map(p -> p.get("containerPort").asInt()).toList())
                    .containsExactly(service.port());

            assertThat(container.get("envFrom").valueStream().map(e -> e.at("/secretRef/name").asString()).toList())
                    .containsExactly("collector-config");
            Map<String, String> env = new LinkedHashMap<>();
            container.get("env").forEach(e -> env.put(e.get("name").asString(), e.path("value").asString()));
            assertEnvironmentIsReadByTheService(service, env.keySet(), "Deployment " + service.name());
            assertThat(env).containsEntry(service.portVariable(), String.valueOf(service.port()))
                    .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");

            assertProbe(container, "readinessProbe", "/actuator/health/readiness", service);
            assertProbe(container, "livenessProbe", "/actuator/health/liveness", service);
            if (container.has("startupProbe")) {
                assertProbe(container, "startupProbe", "/actuator/health/liveness", service);
            }
            for (String bound : List.of("requests", "limits")) {
                assertThat(container.at("/resources/" + bound + "/cpu").isMissingNode()).as("%s %s cpu", service.name(), bound).isFalse();
                assertThat(container.at("/resources/" + bound + "/memory").isMissingNode()).as("%s %s memory", service.name(), bound).isFalse();
            }

            JsonNode k8sService = manifest("Service", service.name());
            assertThat(fields(k8sService.at("/spec/selector")).entrySet()).isSubsetOf(fields(pod.at("/metadata/labels")).entrySet());
            assertThat(k8sService.at("/spec/ports/0/port").asInt()).isEqualTo(service.port());
            assertThat(k8sService.at("/spec/ports/0/targetPort").asInt()).isEqualTo(service.port());
        }
    }

    @Test
    void theSecretCarriesWhatTheServicesReadAndPointsAtTheClusterServices() {
        Map<String, String> config = fields(manifest("Secret", "collector-config").get("stringData"));
        assertThat(config.keySet()).containsExactlyInAnyOrderElementsOf(COLLECTOR_CONFIG_KEYS);
        config.keySet().forEach(name -> assertThat(envNamesReadByServices).as("services read %s", name).contains(name));
        URI rabbit = URI.create(config.get("RABBITMQ_URL"));
        assertThat(rabbit.getScheme()).isIn("amqp", "amqps");
        assertThat(manifest("Service", rabbit.getHost()).at("/spec/ports").valueStream().map(p -> p.get("port").asInt()))
                .contains(rabbit.getPort());
        URI database = URI.create(config.get("DATABASE_URL").substring("jdbc:".length()));
        assertThat(database.getScheme()).isEqualTo("postgresql");
        assertThat(manifest("Service", database.getHost()).at("/spec/ports/0/port").asInt()).isEqualTo(database.getPort());
        assertThat(config.get("COLLECTOR_JWT_SECRET").getBytes()).as("HS256 needs 32 bytes").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void rabbitmqIsAThreeNodeClusterWithPeerDiscoveryAndPostgresIsAStatefulSet() {
        JsonNode rabbit = manifest("StatefulSet", "rabbitmq");
        assertThat(rabbit.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(rabbit.at("/spec/template/spec/containers/0/image").asString()).startsWith("rabbitmq:");
        String conf = manifest("ConfigMap", "rabbitmq-config").at("/data/rabbitmq.conf").asString();
        assertThat(conf).contains("cluster_formation.peer_discovery_backend = rabbit_peer_discovery_k8s",
                "cluster_formation.k8s.service_name = " + rabbit.at("/spec/serviceName").asString());
        assertThat(manifest("ConfigMap", "rabbitmq-config").at("/data/enabled_plugins").asString()).contains("rabbitmq_peer_discovery_k8s");
        assertThat(manifest("Service", rabbit.at("/spec/serviceName").asString()).at("/spec/clusterIP").asString()).isEqualTo("None");

        JsonNode postgres = manifest("StatefulSet", "postgres");
        assertThat(postgres.at("/spec/template/spec/containers/0/image").asString()).startsWith("postgres:");
    }

    @Test
    void everyManifestIsInTheNamespaceAndTheKustomization() throws IOException {
        k8s.stream().filter(doc -> !doc.get("kind").asString().equals("Namespace"))
                .forEach(doc -> assertThat(doc.at("/metadata/namespace").asString()).as("%s", doc.at("/metadata/name")).isEqualTo("collector"));
        JsonNode kustomization = yamlFiles.get(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            Set<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).collect(Collectors.toSet());
            assertThat(texts(kustomization.get("resources"))).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheBusRegisters() throws IOException {
        JsonNode dashboard = JSON.readTree(DEPLOY.resolve("grafana/collector-dashboard.json").toFile());
        Set<String> registered = prometheusNamesOfTheBus();
        List<String> queries = new ArrayList<>();
        collect(dashboard, Set.of("expr", "definition"), queries);
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\bcollector_[a-z0-9_]+").matcher(String.join("\n", queries));
        while (names.find()) {
            used.add(names.group());
        }
        assertThat(registered).as("the bus's Prometheus names").isNotEmpty();
        assertThat(used).as("metrics the dashboard queries").isSubsetOf(registered);
        assertThat(used).as("the spec's key metrics").contains(
                "collector_events_published_total", "collector_events_consumed_total",
                "collector_events_processing_seconds_bucket", "collector_events_end_to_end_seconds_bucket",
                "collector_events_failed_total", "collector_events_retried_total", "collector_events_dead_lettered_total",
                "collector_dlq_depth", "collector_outbox_pending", "collector_outbox_oldest_age_seconds");
    }

    /** Every meter EventBusMetrics can register, as a real Prometheus registry renders it. */
    private static Set<String> prometheusNamesOfTheBus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EventBusMetrics metrics = new EventBusMetrics(registry, "orders");
        metrics.published("order.created");
        metrics.publishFailed("order.created");
        metrics.consumed("orders.offer.approved", "offer.approved", Duration.ofMillis(3), Duration.ofMillis(30));
        metrics.duplicate("orders.offer.approved", "offer.approved");
        metrics.failed("orders.offer.approved", "offer.approved", new IllegalStateException());
        metrics.retried("orders.offer.approved", "offer.approved");
        metrics.deadLettered("orders.offer.approved", "offer.approved", "RETRIES_EXHAUSTED");
        metrics.copyRefused("orders.offer.approved", "offer.approved", "retry");
        metrics.outboxBacklog(1, Duration.ofSeconds(2));
        metrics.dlqDepth("orders.offer.approved.dlq", 1);
        return registry.scrape().lines()
                .filter(line -> line.startsWith("collector_"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertProbe(JsonNode container, String probe, String path, ServiceConfig service) {
        assertThat(container.at("/" + probe + "/httpGet/path").asString()).as("%s %s", service.name(), probe).isEqualTo(path);
        assertThat(container.at("/" + probe + "/httpGet/port").asInt()).as("%s %s port", service.name(), probe).isEqualTo(service.port());
    }

    /**
     * A name is read if the services' yml have a placeholder for it, the libraries read it, or it binds
     * by Spring's relaxed rules to a known configuration property (MANAGEMENT_*, SPRING_*, SERVER_*); JAVA_OPTS
     * is the image's entry point's.
     */
    private static void assertEnvironmentIsReadByTheService(ServiceConfig service, Set<String> names, String where) {
        for (String name : names) {
            boolean read = envNamesReadByServices.contains(name)
                    || name.equals("JAVA_OPTS")
                    || springPropertiesAsEnv.contains(name);
            assertThat(read).as("%s sets %s, which no Collector service reads", where, name).isTrue();
            if (name.endsWith("_PORT")) {
                assertThat(name).as("%s sets another service's port variable", where).isEqualTo(service.portVariable());
            }
        }
    }

    /** Spring's configuration metadata on the classpath, as environment variable names (relaxed binding). */
    private static Set<String> springConfigurationPropertiesAsEnv() throws IOException {
        Set<String> names = new HashSet<>();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(DeploymentManifestsTests.class.getClassLoader().getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    JSON.readTree(in).path("properties").forEach(p -> names.add(
                            p.get("name").asString().replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT)));
                }
            }
        }
        assertThat(names).as("Spring's configuration metadata").contains("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED");
        return names;
    }

    private static JsonNode manifest(String kind, String name) {
        return k8s.stream()
                .filter(doc -> doc.get("kind").asString().equals(kind) && doc.at("/metadata/name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named '" + name + "' under deploy/k8s"));
    }

    private static List<JsonNode> documents(Path file) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll().stream()
                    .filter(doc -> doc != null && !doc.isNull() && !doc.isMissingNode())
                    .toList();
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** A property given either as a dotted key or nested ({@code server.port} or {@code server: port:}). */
    private static String scalar(JsonNode yml, String property) {
        String[] parts = property.split("\\.");
        for (int split = parts.length; split >= 1; split--) {
            JsonNode node = yml.get(String.join(".", List.of(parts).subList(0, split)));
            if (node != null) {
                if (split == parts.length) {
                    return node.asString();
                }
                String rest = String.join(".", List.of(parts).subList(split, parts.length));
                String found = scalar(node, rest);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String projectVersion() {
        try {
            String pom = Files.readString(Path.of("pom.xml"));
            Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
            assertThat(parent.find()).isTrue();
            return parent.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        if (object != null) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static void collect(JsonNode node, Set<String> keys, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (keys.contains(e.getKey()) && e.getValue().isString()) {
                    out.add(e.getValue().asString());
                } else {
                    collect(e.getValue(), keys, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, keys, out));
        }
    }
}
