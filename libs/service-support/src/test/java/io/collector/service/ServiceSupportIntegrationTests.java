package io.collector.service;

import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.security.LocalTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceSupportIntegrationTests {

    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("collector.eventbus.service", () -> "supporttest-" + RUN);
        registry.add("collector.eventbus.schema", () -> "supporttest_" + RUN);
    }

    @LocalServerPort int port;
    @Autowired DocumentNumbers numbers;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    @Test
    void requestWithoutTokenIsUnauthorizedWithProblemDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/api/whoami", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(json(response).path("title").asString()).isEqualTo("Unauthenticated");
        assertThat(json(response).path("status").asInt()).isEqualTo(401);
        assertThat(json(response).path("instance").asString()).isEqualTo("/api/whoami");
        assertThat(json(response).has("properties")).isFalse();
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void tenantComesFromTheTokenAndCorrelationIdFromTheHeader() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/whoami"))
                .header("Authorization", "Bearer " + token("acme", List.of("user")))
                .header("X-Correlation-Id", "corr-42").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("tenant").asString()).isEqualTo("acme");
        assertThat(json(response).path("correlationId").asString()).isEqualTo("corr-42");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-42");
    }

    @Test
    void tokenWithoutTenantIsForbidden() throws Exception {
        HttpResponse<String> response = send("GET", "/api/whoami", token(null, List.of("user")), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("detail").asString()).contains("tenant_id");
    }

    @Test
    void tokenSignedWithAnotherSecretIsUnauthorized() throws Exception {
        String forged = LocalTokens.mint("another-secret-that-is-long-enough-for-hs256", "acme", "mallory", List.of("admin"), Duration.ofMinutes(5));

        assertThat(send("GET", "/api/whoami", forged, null).statusCode()).isEqualTo(401);
    }

    @Test
    void invalidBodyIsABadRequestNamingEveryField() throws Exception {
        HttpResponse<String> response = send("POST", "/api/orders", token("acme", List.of("user")),
                "{\"customer\": \"\", \"lines\": [{\"description\": \"bolts\", \"quantity\": 0}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("customer", "lines[0].quantity");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/api/orders", token("acme", List.of("user")), "{\"customer\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("title").asString()).isEqualTo("Unreadable request body");
    }

    @Test
    void domainErrorsMapToTheirStatus() throws Exception {
        String token = token("acme", List.of("user"));

        assertThat(send("GET", "/api/orders/" + java.util.UUID.randomUUID(), token, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/orders/not-a-uuid", token, null).statusCode()).isEqualTo(400);
        HttpResponse<String> conflict = send("POST", "/api/orders/7/approve", token, null);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).path("detail").asString()).isEqualTo("Order 7 is CANCELLED and cannot be approved");
        assertThat(send("POST", "/api/orders/7/pay", token, null).statusCode()).isEqualTo(422);
    }

    @Test
    void adminEndpointsNeedTheAdminRole() throws Exception {
        assertThat(send("GET", "/api/admin/ping", token("acme", List.of("user")), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/admin/ping", token("acme", List.of("admin")), null).statusCode()).isEqualTo(200);
    }

    @Test
    void localProfileMintsTokensForATenant() throws Exception {
        HttpResponse<String> minted = send("POST", "/local/tokens", null, "{\"tenantId\": \"globex\"}");
        assertThat(minted.statusCode()).isEqualTo(200);

        HttpResponse<String> response = send("GET", "/api/whoami", json(minted).path("token").asString(), null);

        assertThat(json(response).path("tenant").asString()).isEqualTo("globex");
    }

    @Test
    void documentNumbersHaveNoGapsUnderConcurrencyAndRollbackGivesTheNumberBack() {
        String tenant = "tenant-" + RUN;
        transaction.executeWithoutResult(status -> {
            numbers.next(tenant, "INV", Year.of(2026));
            status.setRollbackOnly();
        });

        List<CompletableFuture<String>> issued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            issued.add(CompletableFuture.supplyAsync(() -> transaction.execute(status -> numbers.next(tenant, "INV", Year.of(2026)))));
        }

        List<String> values = issued.stream().map(CompletableFuture::join).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add(String.format("INV-2026-%03d", i));
        }
        assertThat(values).containsExactlyElementsOf(expected);
        String otherTenants = transaction.execute(status -> numbers.next("other-" + RUN, "INV", Year.of(2026)));
        assertThat(otherTenants).isEqualTo("INV-2026-001");
    }

    @AfterAll
    void dropSchema() {
        jdbc.sql("drop schema if exists supporttest_" + RUN + " cascade").update();
    }

    private String token(String tenant, List<String> roles) {
        return LocalTokens.mint(LocalTokens.DEVELOPMENT_SECRET, tenant, "tester", roles, Duration.ofMinutes(5));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
