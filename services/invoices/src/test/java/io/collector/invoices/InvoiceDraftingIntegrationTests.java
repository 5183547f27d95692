package io.collector.invoices;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.OrderCreated;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order.created + delivery.confirmed → a draft invoice, over the real broker and database. */
class InvoiceDraftingIntegrationTests extends InvoicesIntegrationTest {

    final String tenant = newTenant();

    @Test
    void deliveredOrderGetsADraftInvoiceWithTheOrdersLinesAndTotals() {
        settings(tenant, "{\"taxPercent\": \"20\"}");
        UUID customer = UUID.randomUUID();
        OrderCreated order = order(customer, line("Bolts", 5, "300.00"), line("Nuts", 3, "0.335"));
        project(tenant, order);
        DeliveryConfirmed delivery = delivered(order);

        deliver(tenant, delivery);

        JsonNode invoice = awaitInvoice(tenant, delivery.deliveryNoteId());
        assertThat(invoice.path("status").asString()).isEqualTo("DRAFT");
        assertThat(invoice.has("invoiceNumber")).isFalse();
        assertThat(invoice.has("dueDate")).isFalse();
        assertThat(invoice.path("customerId").asString()).isEqualTo(customer.toString());
        assertThat(invoice.path("orderId").asString()).isEqualTo(order.orderId().toString());
        assertThat(invoice.path("orderNumber").asString()).isEqualTo(order.orderNumber());
        assertThat(invoice.path("deliveryNumber").asString()).isEqualTo(delivery.deliveryNumber());
        assertThat(invoice.path("currency").asString()).isEqualTo("EUR");
        JsonNode lines = invoice.path("lineItems");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("productId").asString()).isEqualTo(order.lineItems().get(0).productId().toString());
        assertThat(lines.get(0).path("sku").asString()).isEqualTo("SKU-Bolts");
        assertThat(lines.get(0).path("description").asString()).isEqualTo("Bolts");
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(5);
        assertThat(lines.get(0).path("unitPrice").asString()).isEqualTo("300.00");
        assertThat(lines.get(0).path("total").asString()).isEqualTo("1500.00");
        assertThat(lines.get(1).path("unitPrice").asString()).isEqualTo("0.335");
        assertThat(lines.get(1).path("total").asString()).isEqualTo("1.01");   // 1.005 half up
        assertThat(invoice.path("subtotal").asString()).isEqualTo("1501.01");
        assertThat(invoice.path("taxPercent").asString()).isEqualTo("20");
        assertThat(invoice.path("taxTotal").asString()).isEqualTo("300.20");  // 300.202
        assertThat(invoice.path("grandTotal").asString()).isEqualTo("1801.21");
        assertThat(invoice.path("paidTotal").asString()).isEqualTo("0.00");
        assertThat(invoice.path("outstanding").asString()).isEqualTo("1801.21");
        assertThat(invoice.path("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(invoice.path("payments")).isEmpty();
        assertThat(invoice(tenant, invoice.path("id").asString())).isEqualTo(invoice);
        assertThat(outboxCount(tenant, "invoice.issued")).isZero();
    }

    @Test
    void withoutSettingsATenantsInvoicesHaveNoTax() {
        JsonNode invoice = draft(tenant, line("Service kit", 2, "49.995"));

        assertThat(invoice.path("taxPercent").asString()).isEqualTo("0");
        assertThat(invoice.path("subtotal").asString()).isEqualTo("99.99");
        assertThat(invoice.path("taxTotal").asString()).isEqualTo("0.00");
        assertThat(invoice.path("grandTotal").asString()).isEqualTo("99.99");
    }

    @Test
    void redeliveredDeliveryConfirmedHasNoSecondEffect() {
        OrderCreated order = order(line("Bolts", 1, "10.00"));
        project(tenant, order);
        EventEnvelope<DeliveryConfirmed> event = deliver(tenant, delivered(order));
        String id = awaitInvoice(tenant, event.data().deliveryNoteId()).path("id").asString();

        double duplicatesBefore = duplicates("delivery.confirmed");

        redeliver(event);
        // Waited for by the inbox's verdict: a later event's invoice would say nothing (two batch threads per queue).
        await().atMost(WAIT).until(() -> duplicates("delivery.confirmed") > duplicatesBefore);

        JsonNode invoices = invoicesOf(tenant, "orderId=" + order.orderId());
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("id").asString()).isEqualTo(id);
        assertThat(invoiceCount(tenant)).isEqualTo(1);
    }

    @Test
    void republishedDeliveryConfirmedWithANewEventIdStillMakesOneInvoice() {
        OrderCreated order = order(line("Bolts", 1, "10.00"));
        project(tenant, order);
        DeliveryConfirmed delivery = delivered(order);
        EventEnvelope<DeliveryConfirmed> first = deliver(tenant, delivery);
        String id = awaitInvoice(tenant, delivery.deliveryNoteId()).path("id").asString();

        EventEnvelope<DeliveryConfirmed> copy = deliver(tenant, delivery);
        awaitHandled(copy);

        assertThat(copy.eventId()).isNotEqualTo(first.eventId());
        assertThat(invoicesOf(tenant, "deliveryNoteId=" + delivery.deliveryNoteId())).hasSize(1);
        assertThat(invoicesOf(tenant, "deliveryNoteId=" + delivery.deliveryNoteId()).get(0).path("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from invoices where tenant_id = ? and delivery_note_id = ?")
                .params(tenant, delivery.deliveryNoteId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theFirstOrderCreatedOfAnOrderWins() {
        OrderCreated order = order(line("Bolts", 2, "10.00"));
        project(tenant, order);
        OrderCreated changedCopy = new OrderCreated(order.orderId(), order.orderNumber(), order.customerId(), null,
                List.of(line("Gold", 1, "9999.00")), "USD", new BigDecimal("9999.00"));
        awaitHandled(deliver(tenant, changedCopy));

        DeliveryConfirmed delivery = delivered(order);
        deliver(tenant, delivery);
        JsonNode invoice = awaitInvoice(tenant, delivery.deliveryNoteId());

        assertThat(invoice.path("currency").asString()).isEqualTo("EUR");
        assertThat(invoice.path("lineItems").findValuesAsString("description")).containsExactly("Bolts");
        assertThat(invoice.path("grandTotal").asString()).isEqualTo("20.00");
    }

    @Test
    void deliveryConfirmedBeforeItsOrderIsRetriedUntilTheOrderArrives() {
        OrderCreated order = order(line("Bolts", 4, "2.50"));
        DeliveryConfirmed delivery = delivered(order);
        double retriedBefore = retried("delivery.confirmed");

        deliver(tenant, delivery);
        await().atMost(WAIT).until(() -> retried("delivery.confirmed") > retriedBefore);
        assertThat(invoicesOf(tenant, "deliveryNoteId=" + delivery.deliveryNoteId())).isEmpty();
        deliver(tenant, order);

        JsonNode invoice = awaitInvoice(tenant, delivery.deliveryNoteId());
        assertThat(invoice.path("grandTotal").asString()).isEqualTo("10.00");
    }

    @Test
    void deliveryOfAnOrderThatNeverArrivesEndsInTheDeadLetterQueueAfterItsRetries() {
        DeliveryConfirmed delivery = delivered(order(line("Ghost", 1, "1.00")));

        EventEnvelope<DeliveryConfirmed> event = deliver(tenant, delivery);

        Message dead = awaitDeadLettered("delivery.confirmed", event);
        assertThat(dead.getMessageProperties().<Object>getHeader("x-dead-letter-reason")).hasToString("RETRIES_EXHAUSTED");
        assertThat(dead.getMessageProperties().<Object>getHeader("x-exception-class").toString()).endsWith("OrderNotYetProjected");
        assertThat(dead.getMessageProperties().<Object>getHeader("x-attempts")).hasToString("6");
        assertThat(invoiceCount(tenant)).isZero();
    }

    @Test
    void withAutoIssueTheInvoiceIsIssuedAsSoonAsItIsDrafted() {
        settings(tenant, "{\"autoIssue\": true, \"paymentTermsDays\": 10}");
        OrderCreated order = order(line("Bolts", 2, "5.00"));

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.INVOICE_ISSUED)) {
            JsonNode invoice = invoiceFor(tenant, order);

            assertThat(invoice.path("status").asString()).isEqualTo("ISSUED");
            assertThat(invoice.path("invoiceNumber").asString()).isEqualTo("INV-" + year() + "-001");
            InvoiceIssued issued = capture.awaitOne(InvoiceIssued.class,
                    e -> e.invoiceId().toString().equals(invoice.path("id").asString()), WAIT).data();
            assertThat(issued.invoiceNumber()).isEqualTo("INV-" + year() + "-001");
            assertThat(issued.grandTotal()).isEqualTo(new BigDecimal("10.00"));
            assertThat(issued.dueDate()).isEqualTo(java.time.Instant.parse(invoice.path("issuedAt").asString()).plus(java.time.Duration.ofDays(10)));
        }
        assertThat(issue(tenant, invoicesOf(tenant, "orderId=" + order.orderId()).get(0).path("id").asString()).status())
                .isEqualTo(409);
    }

    @Test
    void changedSettingsApplyToInvoicesDraftedLaterOnly() {
        JsonNode before = draft(tenant, line("Bolts", 1, "100.00"));
        settings(tenant, "{\"taxPercent\": \"10\", \"paymentTermsDays\": 7}");
        JsonNode after = draft(tenant, line("Bolts", 1, "100.00"));

        assertThat(invoice(tenant, before.path("id").asString()).path("grandTotal").asString()).isEqualTo("100.00");
        assertThat(after.path("grandTotal").asString()).isEqualTo("110.00");
        assertThat(after.path("paymentTermsDays").asInt()).isEqualTo(7);
        assertThat(issue(tenant, before.path("id").asString()).json().path("paymentTermsDays").asInt()).isEqualTo(30);
    }
}
