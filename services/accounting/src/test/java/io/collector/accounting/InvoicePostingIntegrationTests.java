package io.collector.accounting;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** invoice.issued and invoice.paid through the broker post their entries, once per invoice. */
class InvoicePostingIntegrationTests extends AccountingIntegrationTest {

    @Test
    void invoiceIssuedPostsReceivableRevenueAndTaxAndUpdatesBalances() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "1250.00", "250.00", "1500.00");

        EventEnvelope<InvoiceIssued> event = deliver(tenant, invoice);

        JsonNode entry = awaitEntry(tenant, invoice.invoiceNumber());
        assertThat(entry.path("entryNumber").asString()).matches("JE-\\d{4}-\\d{3,}");
        assertThat(entry.path("sourceEventId").asString()).isEqualTo(event.eventId().toString());
        assertThat(entry.path("sourceEventType").asString()).isEqualTo("invoice.issued");
        assertThat(entry.path("sourceReference").asString()).isEqualTo(invoice.invoiceId().toString());
        assertThat(entry.path("sourceDocument").asString()).isEqualTo(invoice.invoiceNumber());
        assertThat(entry.path("occurredAt").asString()).isNotBlank();
        assertThat(entry.path("postedAt").asString()).isNotBlank();
        JsonNode lines = entry.path("lines");
        assertThat(lines).hasSize(3);
        assertLine(lines.get(0), "1200", "Accounts receivable", "1500.00", "0.00");
        assertLine(lines.get(1), "4000", "Revenue", "0.00", "1250.00");
        assertLine(lines.get(2), "2100", "Tax payable", "0.00", "250.00");
        assertThat(entries(tenant, invoice.invoiceId().toString())).hasSize(1);

        JsonNode receivable = balance(tenant, "1200");
        assertThat(receivable.path("name").asString()).isEqualTo("Accounts receivable");
        assertThat(receivable.path("type").asString()).isEqualTo("ASSET");
        assertThat(receivable.path("balances")).hasSize(1);
        assertThat(receivable.path("balances").get(0).path("currency").asString()).isEqualTo("USD");
        assertThat(receivable.path("balances").get(0).path("debit").asString()).isEqualTo("1500.00");
        assertThat(receivable.path("balances").get(0).path("credit").asString()).isEqualTo("0.00");
        assertThat(receivable.path("balances").get(0).path("balance").asString()).isEqualTo("1500.00");
        assertThat(balanceIn(tenant, "4000", "USD")).isEqualTo("1250.00");
        assertThat(balanceIn(tenant, "2100", "USD")).isEqualTo("250.00");
    }

    @Test
    void redeliveredInvoiceIssuedPostsNothingTwice() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "100.00", "20.00", "120.00");
        EventEnvelope<InvoiceIssued> event = deliver(tenant, invoice);
        awaitEntry(tenant, invoice.invoiceNumber());
        double duplicatesBefore = meter("collector.events.duplicates", "invoice.issued");

        redeliver(event);

        await().atMost(WAIT).until(() -> meter("collector.events.duplicates", "invoice.issued") > duplicatesBefore);
        assertThat(entries(tenant, invoice.invoiceNumber())).hasSize(1);
        assertThat(rows("journal_lines", tenant)).isEqualTo(3);
        assertThat(balanceIn(tenant, "1200", "USD")).isEqualTo("120.00");
    }

    @Test
    void republishedCopyWithANewEventIdPostsNothingTwice() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "100.00", "20.00", "120.00");
        EventEnvelope<InvoiceIssued> first = deliver(tenant, invoice);
        awaitEntry(tenant, invoice.invoiceNumber());

        EventEnvelope<InvoiceIssued> copy = deliver(tenant, invoice);

        assertThat(copy.eventId()).isNotEqualTo(first.eventId());
        awaitHandled(copy);
        JsonNode entries = entries(tenant, invoice.invoiceNumber());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("sourceEventId").asString()).isEqualTo(first.eventId().toString());
        assertThat(rows("journal_entries", tenant)).isEqualTo(1);
        assertThat(balanceIn(tenant, "1200", "USD")).isEqualTo("120.00");
    }

    @Test
    void invoicePaidPostsBankAgainstReceivablesWhichReturnToZero() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "1250.00", "250.00", "1500.00");
        deliver(tenant, invoice);
        awaitEntry(tenant, invoice.invoiceNumber());

        EventEnvelope<InvoicePaid> paid = deliver(tenant, payment(invoice, "1500.00"));

        JsonNode payment = await().atMost(WAIT).until(() -> entries(tenant, invoice.invoiceNumber()), e -> e.size() == 2).get(0);
        assertThat(payment.path("sourceEventType").asString()).isEqualTo("invoice.paid");
        assertThat(payment.path("sourceEventId").asString()).isEqualTo(paid.eventId().toString());
        assertThat(payment.path("sourceReference").asString()).isEqualTo(invoice.invoiceId().toString());
        assertThat(payment.path("lines")).hasSize(2);
        assertLine(payment.path("lines").get(0), "1000", "Bank", "1500.00", "0.00");
        assertLine(payment.path("lines").get(1), "1200", "Accounts receivable", "0.00", "1500.00");
        assertThat(balanceIn(tenant, "1000", "USD")).isEqualTo("1500.00");
        JsonNode receivable = balance(tenant, "1200").path("balances").get(0);
        assertThat(receivable.path("debit").asString()).isEqualTo("1500.00");
        assertThat(receivable.path("credit").asString()).isEqualTo("1500.00");
        assertThat(receivable.path("balance").asString()).isEqualTo("0.00");

        EventEnvelope<InvoicePaid> paidAgain = deliver(tenant, payment(invoice, "1500.00"));
        awaitHandled(paidAgain);
        assertThat(balanceIn(tenant, "1000", "USD")).isEqualTo("1500.00");
        assertThat(balanceIn(tenant, "1200", "USD")).isEqualTo("0.00");
    }

    @Test
    void invoiceWithoutTaxPostsNoTaxLine() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("EUR", "99.90", "0.00", "99.90");

        deliver(tenant, invoice);

        JsonNode lines = awaitEntry(tenant, invoice.invoiceNumber()).path("lines");
        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), "1200", "Accounts receivable", "99.90", "0.00");
        assertLine(lines.get(1), "4000", "Revenue", "0.00", "99.90");
        assertThat(lines.get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(balanceIn(tenant, "2100", "EUR")).isEqualTo("none");
    }

    @Test
    void invoiceWhoseTotalsDoNotAddUpIsDeadLetteredWithTheReasonAndPostsNothing() {
        String tenant = newTenant();
        InvoiceIssued invoice = invoice("USD", "1250.00", "250.00", "1400.00");
        double deadBefore = meter("collector.events.dead_lettered", "invoice.issued", "reason", "PERMANENT_FAILURE");

        EventEnvelope<InvoiceIssued> event = deliver(tenant, invoice);

        Message dead = awaitDeadLettered(EventType.INVOICE_ISSUED, event);
        assertThat(dead.getMessageProperties().<String>getHeader("x-dead-letter-reason")).isEqualTo("PERMANENT_FAILURE");
        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains(invoice.invoiceNumber())
                .contains("subtotal 1250.00 + taxTotal 250.00 = 1500.00, but grandTotal is 1400.00");
        await().atMost(WAIT).until(() ->
                meter("collector.events.dead_lettered", "invoice.issued", "reason", "PERMANENT_FAILURE") >= deadBefore + 1);
        assertThat(rows("journal_entries", tenant)).isZero();
        assertThat(entries(tenant, invoice.invoiceNumber())).isEmpty();
    }

    @Test
    void eventOfAProducerWithoutEventIdIsPostedOnceUnderItsMessageId() {
        String tenant = newTenant();
        String invoiceId = UUID.randomUUID().toString();
        String body = """
                {"type": "invoice.issued", "timestamp": "2024-01-15T14:30:00.000Z", "tenantId": "%s",
                 "source": "invoices-service",
                 "data": {"invoiceId": "%s", "invoiceNumber": "INV-2024-001", "customerId": "%s", "currency": "USD",
                          "subtotal": "1250.00", "taxTotal": "250.00", "grandTotal": "1500.00",
                          "dueDate": "2024-02-15T14:30:00.000Z",
                          "lineItems": [{"description": "Product Name", "quantity": "5", "unitPrice": "250.00", "total": "1250.00"}]}}
                """.formatted(tenant, invoiceId, UUID.randomUUID());
        String messageId = "spec-producer-" + invoiceId;
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        Message message = MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").setMessageId(messageId).build();
        double duplicatesBefore = meter("collector.events.duplicates", "invoice.issued");

        rabbit.send(TestRun.EXCHANGE, "invoice.issued", message);
        JsonNode entry = awaitEntry(tenant, invoiceId);
        rabbit.send(TestRun.EXCHANGE, "invoice.issued", message);

        await().atMost(WAIT).until(() -> meter("collector.events.duplicates", "invoice.issued") > duplicatesBefore);
        assertThat(entry.path("sourceEventId").asString()).isEqualTo(messageId);
        assertThat(entry.path("occurredAt").asString()).isEqualTo("2024-01-15T14:30:00Z");
        assertThat(entries(tenant, "INV-2024-001")).hasSize(1);
    }

    static void assertLine(JsonNode line, String code, String name, String debit, String credit) {
        assertThat(line.path("accountCode").asString()).as("account of %s", line).isEqualTo(code);
        assertThat(line.path("accountName").asString()).as("account name of %s", line).isEqualTo(name);
        assertThat(line.path("debit").asString()).as("debit of %s", line).isEqualTo(debit);
        assertThat(line.path("credit").asString()).as("credit of %s", line).isEqualTo(credit);
    }
}
