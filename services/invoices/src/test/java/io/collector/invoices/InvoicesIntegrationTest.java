package io.collector.invoices;

import io.collector.eventbus.topology.QueueNames;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import io.micrometer.core.instrument.Counter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the invoices tests (every subclass shares it): the real service on a
 * random port, against the local RabbitMQ and PostgreSQL in a test run of its own.
 */
@SpringBootTest(classes = InvoicesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=invoices", "spring.profiles.active=test"})
abstract class InvoicesIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, InvoicesApplication.NAME);
    }

    static String year() {
        return Integer.toString(Year.now(ZoneOffset.UTC).getValue());
    }

    // ---- incoming events ----

    static OrderCreated.LineItem line(String description, int quantity, String unitPrice) {
        return new OrderCreated.LineItem(UUID.randomUUID(), "SKU-" + description, description, quantity,
                new BigDecimal(unitPrice), null);
    }

    static OrderCreated order(UUID customer, OrderCreated.LineItem... lines) {
        UUID orderId = UUID.randomUUID();
        BigDecimal total = List.of(lines).stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
        return new OrderCreated(orderId, "ORD-" + year() + "-" + orderId.toString().substring(0, 6), customer, null,
                List.of(lines), "EUR", total);
    }

    static OrderCreated order(OrderCreated.LineItem... lines) {
        return order(UUID.randomUUID(), lines);
    }

    static DeliveryConfirmed delivered(OrderCreated order) {
        UUID note = UUID.randomUUID();
        return new DeliveryConfirmed(note, "DN-" + year() + "-" + note.toString().substring(0, 6), order.orderId(),
                order.customerId(), "https://pod.example.com/" + note);
    }

    /** Publishes the order and waits until the projection has it. */
    void project(String tenant, OrderCreated order) {
        deliver(tenant, order);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from order_projections where tenant_id = ? and order_id = ?")
                .params(tenant, order.orderId()).query(Long.class).single() == 1);
    }

    /** A delivered order: order.created, then delivery.confirmed; returns the draft (or auto-issued) invoice. */
    JsonNode invoiceFor(String tenant, OrderCreated order) {
        project(tenant, order);
        DeliveryConfirmed delivery = delivered(order);
        deliver(tenant, delivery);
        return awaitInvoice(tenant, delivery.deliveryNoteId());
    }

    JsonNode draft(String tenant, OrderCreated.LineItem... lines) {
        return invoiceFor(tenant, order(lines));
    }

    /** A new invoice, issued; returns the issue response. */
    JsonNode issuedInvoice(String tenant, OrderCreated.LineItem... lines) {
        var response = issue(tenant, draft(tenant, lines).path("id").asString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    // ---- the API ----

    JsonNode invoicesOf(String tenant, String query) {
        var response = api(tenant).get("/api/invoices?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    JsonNode awaitInvoice(String tenant, UUID deliveryNoteId) {
        await().atMost(WAIT).until(() -> invoicesOf(tenant, "deliveryNoteId=" + deliveryNoteId).size() == 1);
        return invoicesOf(tenant, "deliveryNoteId=" + deliveryNoteId).get(0);
    }

    JsonNode invoice(String tenant, String id) {
        var response = api(tenant).get("/api/invoices/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    ApiClient.Response issue(String tenant, String id) {
        return api(tenant).post("/api/invoices/" + id + "/issue", null);
    }

    ApiClient.Response pay(String tenant, String id, String json) {
        return api(tenant).post("/api/invoices/" + id + "/payments", json);
    }

    ApiClient.Response pay(String tenant, String id, String amount, String method, String date) {
        return pay(tenant, id, method == null
                ? """
                  {"amount": "%s", "paymentDate": "%s"}""".formatted(amount, date)
                : """
                  {"amount": "%s", "paymentMethod": "%s", "paymentDate": "%s"}""".formatted(amount, method, date));
    }

    void settings(String tenant, String json) {
        var response = api(tenant).put("/api/invoice-settings", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    // ---- what the service wrote ----

    long outboxCount(String tenant, String type) {
        return jdbc.sql("select count(*) from outbox where tenant_id = ? and event_type = ?")
                .params(tenant, type).query(Long.class).single();
    }

    long paymentCount(String tenant) {
        return jdbc.sql("select count(*) from payments where tenant_id = ?").param(tenant).query(Long.class).single();
    }

    long invoiceCount(String tenant) {
        return jdbc.sql("select count(*) from invoices where tenant_id = ?").param(tenant).query(Long.class).single();
    }

    double retried(String type) {
        Counter counter = meters.find("collector.events.retried")
                .tags("consumer", QueueNames.queue(service, type), "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs the calls at the same moment (as far as threads allow), each on its own thread; their results in order. */
    static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
