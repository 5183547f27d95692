package io.collector.orders.order;

import io.collector.service.testkit.EventCapture;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderCreated;
import io.collector.orders.OrdersApplication;
import io.collector.orders.OrdersIntegrationTest;
import io.collector.service.testkit.ApiClient.Response;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Year;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OfferApprovedIntegrationTests extends OrdersIntegrationTest {

    @Test
    void anApprovedOfferBecomesAPendingOrderAndOrderCreatedListsItsProducts() {
        String tenant = newTenant();
        UUID product = UUID.randomUUID();
        OfferApproved offer = approvedOffer(product);

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.ORDER_CREATED)) {
            EventEnvelope<OfferApproved> approval = deliver(tenant, offer);

            EventEnvelope<OrderCreated> created = capture.awaitOne(OrderCreated.class, e -> offer.offerId().equals(e.offerId()), WAIT);
            assertThat(created.tenantId()).isEqualTo(tenant);
            assertThat(created.correlationId()).isEqualTo(approval.correlationId());
            assertThat(created.causationId()).isEqualTo(approval.eventId().toString());
            OrderCreated data = created.data();
            assertThat(data.orderNumber()).isEqualTo("ORD-" + Year.now() + "-001");
            assertThat(data.customerId()).isEqualTo(offer.customerId());
            assertThat(data.currency()).isEqualTo("EUR");
            assertThat(data.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
            assertThat(data.lineItems()).containsExactly(
                    new OrderCreated.LineItem(product, null, "Office chair", 5, new BigDecimal("270.00"), null));

            Response order = api(tenant).get("/api/orders/" + data.orderId());
            assertThat(order.status()).as(order.toString()).isEqualTo(200);
            JsonNode json = order.json();
            assertThat(json.path("status").asString()).isEqualTo("PENDING");
            assertThat(json.path("offerId").asString()).isEqualTo(offer.offerId().toString());
            assertThat(json.path("grandTotal").asString()).isEqualTo("1680.00");
            assertThat(json.path("lineItems")).hasSize(2);
            assertThat(json.path("lineItems").get(1).path("description").asString()).isEqualTo("Assembly");
            assertThat(json.path("lineItems").get(1).path("total").asString()).isEqualTo("60.00");
        }
    }

    @Test
    void aRedeliveredApprovalHasNoSecondEffect() {
        String tenant = newTenant();
        OfferApproved offer = approvedOffer(UUID.randomUUID());
        EventEnvelope<OfferApproved> approval = deliver(tenant, offer);
        awaitOrderOf(tenant, offer.offerId());

        double duplicatesBefore = duplicates(EventType.OFFER_APPROVED);

        redeliver(approval);
        // Waited for by the inbox's verdict: a later event's order would say nothing (two batch threads per queue).
        await().atMost(WAIT).until(() -> duplicates(EventType.OFFER_APPROVED) > duplicatesBefore);

        assertThat(ordersOfOffer(tenant, offer.offerId())).isEqualTo(1);
        assertThat(rows("orders", tenant)).isEqualTo(1);
        assertThat(outbox(tenant, "order.created")).isEqualTo(1);
    }

    @Test
    void theSameApprovalUnderANewEventIdStillMakesOneOrder() {
        String tenant = newTenant();
        OfferApproved offer = approvedOffer(UUID.randomUUID());
        deliver(tenant, offer);
        awaitOrderOf(tenant, offer.offerId());
        String number = api(tenant).get("/api/orders").json().get(0).path("number").asString();

        EventEnvelope<OfferApproved> copy = deliver(tenant, offer);   // publish(tenant, payload) gives it a new eventId
        awaitHandled(copy);

        assertThat(ordersOfOffer(tenant, offer.offerId())).isEqualTo(1);
        assertThat(outbox(tenant, "order.created")).isEqualTo(1);
        JsonNode orders = api(tenant).get("/api/orders").json();
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("number").asString()).isEqualTo(number);
    }

    @Test
    void aFractionalProductQuantityGoesToTheDeadLetterQueueWithTheReason() {
        String tenant = newTenant();
        UUID product = UUID.randomUUID();
        OfferApproved offer = approvedOffer(UUID.randomUUID(), product, "2.5");
        String deadLetters = QueueNames.deadLetter(QueueNames.queue(
                TestRun.properties(OrdersApplication.NAME).get("collector.eventbus.service"), "offer.approved"));

        deliver(tenant, offer);

        Message dead = receiveMatching(deadLetters, offer.offerId());
        assertThat(dead.getMessageProperties().<String>getHeader("x-dead-letter-reason")).isEqualTo("PERMANENT_FAILURE");
        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains(offer.offerId().toString()).contains("2.5").contains(product.toString()).contains("whole number");
        assertThat(ordersOfOffer(tenant, offer.offerId())).isZero();
        assertThat(rows("outbox", tenant)).isEqualTo(1);   // only the test's own offer.approved
    }

    @Test
    void anApprovalActsOnlyWithinItsTenant() {
        String tenantA = newTenant();
        String tenantB = newTenant();
        OfferApproved offer = approvedOffer(UUID.randomUUID());
        OfferApproved offerOfB = approvedOffer(UUID.randomUUID());
        deliver(tenantB, offerOfB);
        awaitOrderOf(tenantB, offerOfB.offerId());

        deliver(tenantA, offer);
        awaitOrderOf(tenantA, offer.offerId());

        assertThat(ordersOfOffer(tenantB, offer.offerId())).isZero();
        assertThat(api(tenantB).get("/api/orders").json()).hasSize(1);
        assertThat(api(tenantB).get("/api/orders").json().get(0).path("number").asString()).isEqualTo("ORD-" + Year.now() + "-001");
        String orderOfA = api(tenantA).get("/api/orders").json().get(0).path("id").asString();
        assertThat(api(tenantB).get("/api/orders/" + orderOfA).status()).isEqualTo(404);

        // The same offer id in another tenant is another tenant's offer: it gets its own order.
        deliver(tenantB, offer);
        awaitOrderOf(tenantB, offer.offerId());
        assertThat(ordersOfOffer(tenantA, offer.offerId())).isEqualTo(1);
    }

    private Message receiveMatching(String queue, UUID offerId) {
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Message message = rabbit.receive(queue, 1000);
            if (message != null && new String(message.getBody()).contains(offerId.toString())) {
                return message;
            }
        }
        throw new AssertionError("No dead letter for offer " + offerId + " on " + queue + " within " + WAIT);
    }
}
