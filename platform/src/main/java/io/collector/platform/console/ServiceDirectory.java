package io.collector.platform.console;

import io.collector.service.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The services as the console reaches them over HTTP: their health, and their admin API called
 * with the operator's own token, so each service authorizes and logs the action as the operator's.
 */
@Component
public class ServiceDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ConsoleProperties properties;

    public ServiceDirectory(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** {@code components} are the health groups a service reports (database, broker, outbox) with their status. */
    public record ServiceHealth(String name, String url, String status, Map<String, String> components, String error) {
    }

    public record QueueDepth(String service, String dlq, String queue, String eventType, long depth) {
    }

    public record DeadLetterQueues(List<QueueDepth> queues, Map<String, String> unreachable) {
    }

    /** Every service's health, asked in parallel, so one slow service does not hold up the page. */
    public List<ServiceHealth> health() {
        List<CompletableFuture<ServiceHealth>> answers = new ArrayList<>();
        properties.getServices().forEach((name, service) -> answers.add(http
                .sendAsync(request(service.getUrl() + "/actuator/health", null).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> health(name, service.getUrl(), response.body()))
                .exceptionally(e -> new ServiceHealth(name, service.getUrl(), "UNREACHABLE", Map.of(), rootMessage(e)))));
        return answers.stream().map(CompletableFuture::join).sorted(Comparator.comparing(ServiceHealth::name)).toList();
    }

    private static ServiceHealth health(String name, String url, String body) {
        JsonNode health = JSON.readTree(body);
        Map<String, String> components = new TreeMap<>();
        health.path("components").properties().forEach(c -> components.put(c.getKey(), c.getValue().path("status").asString()));
        return new ServiceHealth(name, url, health.path("status").asString("UNKNOWN"), components, null);
    }

    /** Every service's dead-letter queues with their depth; a service that does not answer is named, not hidden. */
    public DeadLetterQueues deadLetterQueues(String authorization) {
        List<QueueDepth> queues = new ArrayList<>();
        Map<String, String> unreachable = new TreeMap<>();
        properties.getServices().forEach((name, service) -> {
            ResponseEntity<String> answer = call(name, "GET", "/api/admin/dead-letters", authorization, null);
            if (!answer.getStatusCode().is2xxSuccessful()) {
                unreachable.put(name, answer.getStatusCode().value() + " " + answer.getBody());
                return;
            }
            JSON.readTree(answer.getBody()).forEach(q -> queues.add(new QueueDepth(name, q.path("name").asString(),
                    q.path("queue").asString(), q.path("eventType").asString(), q.path("depth").asLong())));
        });
        queues.sort(Comparator.comparing(QueueDepth::dlq));
        return new DeadLetterQueues(queues, unreachable);
    }

    /**
     * Calls a service's admin API as the operator, with a JSON body or none, and passes its answer
     * (problem details included) through.
     */
    public ResponseEntity<String> admin(String service, String method, String path, String authorization, String json) {
        return call(service, method, "/api/admin/" + path, authorization, json);
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ResponseEntity<String> call(String service, String method, String path, String authorization, String json) {
        ConsoleProperties.Service target = properties.getServices().get(service);
        if (target == null) {
            throw new NotFoundException("Service", service + " (the console knows " + properties.getServices().keySet() + ")");
        }
        HttpRequest.Builder request = request(target.getUrl() + path, authorization);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return ResponseEntity.status(response.statusCode())
                    .contentType(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElse("application/json")))
                    .body(response.body());
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(JSON.writeValueAsString(Map.of("title", "Service unreachable", "status", 502,
                            "detail", service + " did not answer: " + e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
