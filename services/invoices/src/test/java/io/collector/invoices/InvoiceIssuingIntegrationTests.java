package io.collector.invoices;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issuing: gap-free numbers, due dates and invoice.issued, over HTTP and the real broker and database. */
class InvoiceIssuingIntegrationTests extends InvoicesIntegrationTest {

    final String tenant = newTenant();

    @Test
    void issuingGivesTheNextNumberAndTheDueDateAndPublishesInvoiceIssuedWhoseTotalsAddUp() {
        settings(tenant, "{\"taxPercent\": \"19\", \"paymentTermsDays\": 14}");
        UUID customer = UUID.randomUUID();
        OrderCreated order = order(customer, line("Bolts", 5, "300.00"), line("Washers", 7, "0.19"));
        JsonNode draft = invoiceFor(tenant, order);
        String id = draft.path("id").asString();

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.INVOICE_ISSUED)) {
            var response = issue(tenant, id);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode invoice = response.json();
            assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
            assertThat(invoice.path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-001");
            Instant issuedAt = Instant.parse(invoice.path("issuedAt").asString());
            assertThat(Instant.parse(invoice.path("dueDate").asString())).isEqualTo(issuedAt.plus(Duration.ofDays(14)));

            EventEnvelope<InvoiceIssued> event = capture.awaitOne(InvoiceIssued.class, e -> e.invoiceId().toString().equals(id), WAIT);
            InvoiceIssued issued = event.data();
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(issued.invoiceNumber()).isEqualTo(invoice.path("invoiceNumber").asString());
            assertThat(issued.customerId()).isEqualTo(customer);
            assertThat(issued.orderId()).isEqualTo(order.orderId());
            assertThat(issued.deliveryNoteId().toString()).isEqualTo(draft.path("deliveryNoteId").asString());
            assertThat(issued.currency()).isEqualTo("EUR");
            assertThat(issued.subtotal()).isEqualTo(new BigDecimal("1501.33"));   // 1500.00 + 1.33
            assertThat(issued.taxTotal()).isEqualTo(new BigDecimal("285.25"));    // 19 % of 1501.33 = 285.2527
            assertThat(issued.grandTotal()).isEqualTo(new BigDecimal("1786.58"));
            assertThat(issued.subtotal().add(issued.taxTotal())).isEqualTo(issued.grandTotal());
            assertThat(issued.lineItems()).containsExactly(
                    new InvoiceIssued.LineItem("Bolts", new BigDecimal("5"), new BigDecimal("300.00"), new BigDecimal("1500.00")),
                    new InvoiceIssued.LineItem("Washers", new BigDecimal("7"), new BigDecimal("0.19"), new BigDecimal("1.33")));
            assertThat(issued.lineItems().stream().map(InvoiceIssued.LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualTo(issued.subtotal());
            assertThat(issued.dueDate()).isEqualTo(Instant.parse(invoice.path("dueDate").asString()));
            assertThat(invoice.path("grandTotal").asString()).isEqualTo("1786.58");
        }
        assertThat(invoice(tenant, id).path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-001");
        assertThat(invoicesOf(tenant, "status=ISSUED").findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void anInvoiceIsIssuedOnce() {
        String id = draft(tenant, line("Bolts", 1, "10.00")).path("id").asString();
        assertThat(issue(tenant, id).status()).isEqualTo(200);

        var again = issue(tenant, id);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("ISSUED");
        assertThat(invoice(tenant, id).path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-001");
        assertThat(outboxCount(tenant, "invoice.issued")).isEqualTo(1);
        String next = draft(tenant, line("Nuts", 1, "1.00")).path("id").asString();
        assertThat(issue(tenant, next).json().path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-002");
    }

    @Test
    void concurrentIssuesOfDifferentDraftsGetConsecutiveNumbersWithoutGaps() throws Exception {
        int drafts = 8;
        for (int i = 0; i < drafts; i++) {
            OrderCreated order = order(line("Item " + i, 1, "1.00"));
            project(tenant, order);
            deliver(tenant, delivered(order));
        }
        await().atMost(WAIT).until(() -> invoicesOf(tenant, "status=DRAFT").size() == drafts);
        List<String> ids = invoicesOf(tenant, "status=DRAFT").findValuesAsString("id");
        ApiClient api = api(tenant);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> api.post("/api/invoices/" + id + "/issue", null));
        }

        List<ApiClient.Response> responses = concurrently(calls);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        List<String> numbers = responses.stream().map(r -> r.json().path("invoiceNumber").asString()).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, drafts)
                .mapToObj(n -> "INV-%s-%03d".formatted(year(), n)).toList());
        assertThat(outboxCount(tenant, "invoice.issued")).isEqualTo(drafts);
    }

    @Test
    void concurrentIssuesOfTheSameDraftGiveOneNumberAndConflicts() throws Exception {
        String id = draft(tenant, line("Bolts", 1, "10.00")).path("id").asString();
        ApiClient api = api(tenant);
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> api.post("/api/invoices/" + id + "/issue", null));
        }

        List<ApiClient.Response> responses = concurrently(calls);

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(5);
        assertThat(invoice(tenant, id).path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-001");
        assertThat(outboxCount(tenant, "invoice.issued")).isEqualTo(1);
        // No number was used up by the refused calls: the next draft gets 002.
        String next = draft(tenant, line("Nuts", 1, "1.00")).path("id").asString();
        assertThat(issue(tenant, next).json().path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-002");
    }
}
