package io.collector.service.testkit;

import io.collector.service.security.LocalTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A service's REST API as a tenant's user calls it: real HTTP, a bearer token minted with the local
 * secret, an optional correlation id.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;
    private final String correlationId;

    private ApiClient(String baseUrl, String token, String correlationId) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.correlationId = correlationId;
    }

    /** A client for {@code tenantId} on {@code http://localhost:port}. */
    public static ApiClient forTenant(int port, String tenantId) {
        return new ApiClient("http://localhost:" + port,
                LocalTokens.mint(LocalTokens.DEVELOPMENT_SECRET, tenantId, "test-user", List.of("user"), Duration.ofHours(1)), null);
    }

    /** An operator's client: role {@code admin}, no tenant, {@code subject} as the actor the admin API logs. */
    public static ApiClient forAdmin(int port, String subject) {
        return new ApiClient("http://localhost:" + port,
                LocalTokens.mint(LocalTokens.DEVELOPMENT_SECRET, null, subject, List.of("admin"), Duration.ofHours(1)), null);
    }

    /** A client without credentials. */
    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null, null);
    }

    public ApiClient withCorrelationId(String correlationId) {
        return new ApiClient(baseUrl, token, correlationId);
    }

    /** The same tenant's token against another service. */
    public ApiClient onPort(int port) {
        return new ApiClient("http://localhost:" + port, token, correlationId);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body; {@link #json()} parses the body. */
    public record Response(int status, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
