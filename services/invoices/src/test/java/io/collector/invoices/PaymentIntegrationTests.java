package io.collector.invoices;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.InvoicePaid;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments: partial, settling, refused; over HTTP and the real broker and database. */
class PaymentIntegrationTests extends InvoicesIntegrationTest {

    final String tenant = newTenant();

    @Test
    void payingInTwoPartsSettlesTheInvoiceWithExactlyOneInvoicePaid() {
        settings(tenant, "{\"taxPercent\": \"20\"}");
        JsonNode issued = issuedInvoice(tenant, line("Bolts", 5, "250.00"));   // 1250.00 + 250.00
        String id = issued.path("id").asString();
        assertThat(issued.path("grandTotal").asString()).isEqualTo("1500.00");

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.INVOICE_PAID)) {
            var first = pay(tenant, id, """
                    {"amount": "1000.00", "paymentMethod": "BANK_TRANSFER", "paymentDate": "2026-01-16T10:00:00Z"}""");

            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(first.json().path("status").asString()).isEqualTo("ISSUED");
            assertThat(first.json().path("paidTotal").asString()).isEqualTo("1000.00");
            assertThat(first.json().path("outstanding").asString()).isEqualTo("500.00");
            assertThat(first.json().path("payments")).hasSize(1);

            var second = pay(tenant, id, """
                    {"amount": 500, "paymentMethod": "STRIPE", "paymentDate": "2026-01-20T08:30:00Z"}""");

            assertThat(second.status()).as(second.toString()).isEqualTo(201);
            JsonNode paid = second.json();
            assertThat(paid.path("status").asString()).isEqualTo("PAID");
            assertThat(paid.path("paidTotal").asString()).isEqualTo("1500.00");
            assertThat(paid.path("outstanding").asString()).isEqualTo("0.00");
            assertThat(paid.has("paidAt")).isTrue();
            JsonNode payments = paid.path("payments");
            assertThat(payments.findValuesAsString("amount")).containsExactly("1000.00", "500.00");
            assertThat(payments.findValuesAsString("paymentMethod")).containsExactly("BANK_TRANSFER", "STRIPE");
            assertThat(Instant.parse(payments.get(1).path("paymentDate").asString())).isEqualTo(Instant.parse("2026-01-20T08:30:00Z"));

            EventEnvelope<InvoicePaid> event = capture.awaitOne(InvoicePaid.class, e -> e.invoiceId().toString().equals(id), WAIT);
            assertThat(event.data()).isEqualTo(new InvoicePaid(UUID.fromString(id), issued.path("invoiceNumber").asString(),
                    UUID.fromString(issued.path("customerId").asString()), new BigDecimal("1500.00"), "STRIPE",
                    Instant.parse("2026-01-20T08:30:00Z"), "EUR"));
            assertThat(event.tenantId()).isEqualTo(tenant);
        }
        assertThat(outboxCount(tenant, "invoice.paid")).isEqualTo(1);
        assertThat(invoice(tenant, id).path("status").asString()).isEqualTo("PAID");
        assertThat(invoicesOf(tenant, "status=PAID")).hasSize(1);
    }

    @Test
    void aPaymentOfTheWholeAmountSettlesAtOnceWithoutAMethod() {
        String id = issuedInvoice(tenant, line("Bolts", 3, "0.335")).path("id").asString();   // 1.01

        var response = pay(tenant, id, "{\"amount\": 1.01, \"paymentDate\": \"2026-02-01T10:00:00+02:00\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("status").asString()).isEqualTo("PAID");
        JsonNode payment = response.json().path("payments").get(0);
        assertThat(payment.has("paymentMethod")).isFalse();
        assertThat(payment.path("amount").asString()).isEqualTo("1.01");
        assertThat(Instant.parse(payment.path("paymentDate").asString())).isEqualTo(Instant.parse("2026-02-01T08:00:00Z"));
        assertThat(outboxCount(tenant, "invoice.paid")).isEqualTo(1);
    }

    @Test
    void overpaymentIsUnprocessableAndWritesNothing() {
        String id = issuedInvoice(tenant, line("Bolts", 1, "100.00")).path("id").asString();
        assertThat(pay(tenant, id, "60.00", null, "2026-02-01T00:00:00Z").status()).isEqualTo(201);

        var response = pay(tenant, id, "40.01", "CASH", "2026-02-02T00:00:00Z");

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().path("detail").asString()).contains("40.00");
        JsonNode invoice = invoice(tenant, id);
        assertThat(invoice.path("paidTotal").asString()).isEqualTo("60.00");
        assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
        assertThat(paymentCount(tenant)).isEqualTo(1);
        assertThat(outboxCount(tenant, "invoice.paid")).isZero();
    }

    @Test
    void payingADraftIsAConflict() {
        String id = draft(tenant, line("Bolts", 1, "100.00")).path("id").asString();

        var response = pay(tenant, id, "10.00", null, "2026-02-01T00:00:00Z");

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("detail").asString()).contains("DRAFT");
        assertThat(paymentCount(tenant)).isZero();
        assertThat(invoice(tenant, id).path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void payingAPaidInvoiceIsAConflictAndInvoicePaidIsNotRepeated() {
        String id = issuedInvoice(tenant, line("Bolts", 1, "100.00")).path("id").asString();
        assertThat(pay(tenant, id, "100.00", null, "2026-02-01T00:00:00Z").status()).isEqualTo(201);

        var response = pay(tenant, id, "0.01", null, "2026-02-01T00:00:00Z");

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("detail").asString()).contains("PAID");
        assertThat(issue(tenant, id).status()).isEqualTo(409);
        assertThat(paymentCount(tenant)).isEqualTo(1);
        assertThat(outboxCount(tenant, "invoice.paid")).isEqualTo(1);
    }

    @Test
    void badPaymentsAreBadRequestsNamingTheFieldsAndWriteNothing() {
        String id = issuedInvoice(tenant, line("Bolts", 1, "100.00")).path("id").asString();

        assertBadRequest(id, """
                {"amount": "-5.00", "paymentDate": "2026-02-01T00:00:00Z"}""", "amount");
        assertBadRequest(id, """
                {"amount": 0, "paymentDate": "2026-02-01T00:00:00Z"}""", "amount");
        assertBadRequest(id, """
                {"amount": "10.005", "paymentDate": "2026-02-01T00:00:00Z"}""", "amount");
        assertBadRequest(id, """
                {"amount": 10.005, "paymentDate": "2026-02-01T00:00:00Z"}""", "amount");
        assertBadRequest(id, """
                {"amount": "10.00"}""", "paymentDate");
        assertBadRequest(id, """
                {"paymentDate": "2026-02-01T00:00:00Z"}""", "amount");
        assertBadRequest(id, """
                {"amount": "10.00", "paymentMethod": "  ", "paymentDate": "2026-02-01T00:00:00Z"}""", "paymentMethod");
        assertBadRequest(id, """
                {"amount": "-1", "paymentMethod": "CASH"}""", "amount", "paymentDate");
        var unreadable = pay(tenant, id, """
                {"amount": "ten", "paymentDate": "2026-02-01T00:00:00Z"}""");
        assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(400);
        var badDate = pay(tenant, id, """
                {"amount": "10.00", "paymentDate": "yesterday"}""");
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);

        assertThat(paymentCount(tenant)).isZero();
        assertThat(invoice(tenant, id).path("paidTotal").asString()).isEqualTo("0.00");
    }

    @Test
    void concurrentPaymentsCannotOverpay() throws Exception {
        String id = issuedInvoice(tenant, line("Bolts", 1, "100.00")).path("id").asString();
        ApiClient api = api(tenant);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> api.post("/api/invoices/" + id + "/payments", """
                    {"amount": "60.00", "paymentDate": "2026-02-01T00:00:00Z"}"""));
        }

        List<ApiClient.Response> responses = concurrently(calls);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 422).hasSize(4);
        assertThat(paymentCount(tenant)).isEqualTo(1);
        assertThat(invoice(tenant, id).path("outstanding").asString()).isEqualTo("40.00");
    }

    private void assertBadRequest(String id, String body, String... fields) {
        var response = pay(tenant, id, body);
        assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).as(body).containsExactlyInAnyOrder(fields);
    }
}
