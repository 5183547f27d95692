package io.collector.crm;

import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of CRM's integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = CrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=crm", "spring.profiles.active=test"})
abstract class CrmIntegrationTest extends ServiceIntegrationTest {

    static final Instant DUE = Instant.parse("2024-02-15T14:30:00Z");
    static final Instant PAID_AT = Instant.parse("2024-01-16T10:00:00Z");

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, CrmApplication.NAME);
    }

    UUID createCustomer(String tenant, String name) {
        var response = api(tenant).post("/api/customers", """
                {"name": "%s", "email": "billing@example.com", "addresses": [
                  {"label": "HQ", "line1": "Main St 1", "postalCode": "10115", "city": "Berlin", "country": "DE"}]}"""
                .formatted(name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    JsonNode customer(String tenant, UUID id) {
        var response = api(tenant).get("/api/customers/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode payments(String tenant, UUID id) {
        var response = api(tenant).get("/api/customers/" + id + "/payments");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the customer read over HTTP matches, and returns it. */
    JsonNode awaitCustomer(String tenant, UUID id, Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> {
            var response = api(tenant).get("/api/customers/" + id);
            return response.status() == 200 ? response.json() : null;
        }, customer -> customer != null && matching.test(customer));
    }

    /** The customer's balance in the currency: {@code [outstanding, lifetimeValue]}, or null if it has none. */
    static List<String> balance(JsonNode customer, String currency) {
        return StreamSupport.stream(customer.path("balances").spliterator(), false)
                .filter(b -> b.path("currency").asString().equals(currency))
                .map(b -> List.of(b.path("outstanding").asString(), b.path("lifetimeValue").asString()))
                .findFirst().orElse(null);
    }

    static Predicate<JsonNode> balanceIs(String currency, String outstanding, String lifetimeValue) {
        return customer -> List.of(outstanding, lifetimeValue).equals(balance(customer, currency));
    }

    static InvoiceIssued issued(UUID customer, String currency, String grandTotal) {
        UUID invoice = UUID.randomUUID();
        BigDecimal total = new BigDecimal(grandTotal);
        return new InvoiceIssued(invoice, "INV-" + invoice.toString().substring(0, 8), customer, null, null, currency,
                total, new BigDecimal("0.00"), total, DUE,
                List.of(new InvoiceIssued.LineItem("Service", BigDecimal.ONE, total, total)));
    }

    static InvoicePaid paid(InvoiceIssued invoice) {
        return new InvoicePaid(invoice.invoiceId(), invoice.invoiceNumber(), invoice.customerId(), invoice.grandTotal(),
                "STRIPE", PAID_AT, invoice.currency());
    }

    int count(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = :tenant").param("tenant", tenant)
                .query(Integer.class).single();
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.path("field").asString()).toList();
    }
}
