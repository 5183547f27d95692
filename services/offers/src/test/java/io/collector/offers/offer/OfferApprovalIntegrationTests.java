package io.collector.offers.offer;

import io.collector.service.testkit.EventCapture;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OfferApproved;
import io.collector.offers.OffersIntegrationTest;
import io.collector.service.testkit.ApiClient.Response;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OfferApprovalIntegrationTests extends OffersIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void approvingPublishesOfferApprovedWithTheOffersNumbers() {
        String tenant = newTenant();
        UUID customer = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        Instant validUntil = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Response created = api(tenant).post("/api/offers", offerJson(customer, product, validUntil));
        UUID offerId = UUID.fromString(created.json().path("id").asString());

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.OFFER_APPROVED)) {
            Response approved = api(tenant).withCorrelationId("approve-" + offerId).post("/api/offers/" + offerId + "/approve", null);

            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
            EventEnvelope<OfferApproved> event = capture.awaitOne(OfferApproved.class, e -> e.offerId().equals(offerId), WAIT);
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.source()).isEqualTo("offers-t" + TestRun.ID + "-service");
            assertThat(event.correlationId()).isEqualTo("approve-" + offerId);
            OfferApproved data = event.data();
            assertThat(data.offerNumber()).isEqualTo(created.json().path("number").asString());
            assertThat(data.customerId()).isEqualTo(customer);
            assertThat(data.validUntil()).isEqualTo(validUntil);
            assertThat(data.currency()).isEqualTo("EUR");
            assertThat(data.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
            assertThat(data.lineItems()).hasSize(2);
            OfferApproved.LineItem chair = data.lineItems().get(0);
            assertThat(chair.productId()).isEqualTo(product);
            assertThat(chair.description()).isEqualTo("Office chair");
            assertThat(chair.quantity()).isEqualTo(new BigDecimal("5"));
            assertThat(chair.unitPrice()).isEqualTo(new BigDecimal("300.00"));
            assertThat(chair.discountPercent()).isEqualTo(new BigDecimal("10"));
            assertThat(chair.taxPercent()).isEqualTo(new BigDecimal("20"));
            OfferApproved.LineItem assembly = data.lineItems().get(1);
            assertThat(assembly.productId()).isNull();
            assertThat(assembly.quantity()).isEqualTo(new BigDecimal("1.5"));
            assertThat(assembly.unitPrice()).isEqualTo(new BigDecimal("40.00"));
            assertThat(assembly.discountPercent()).isNull();
            assertThat(assembly.taxPercent()).isNull();
        }
    }

    @Test
    void approvingTwiceIsAConflictAndPublishesOnce() {
        String tenant = newTenant();
        String id = api(tenant).post("/api/offers", offerJson()).json().path("id").asString();

        assertThat(api(tenant).post("/api/offers/" + id + "/approve", null).status()).isEqualTo(200);
        Response again = api(tenant).post("/api/offers/" + id + "/approve", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("APPROVED");
        assertThat(rows("outbox", tenant)).isEqualTo(1);
    }

    @Test
    void anExpiredOfferCannotBeApprovedAndPublishesNothing() {
        String tenant = newTenant();
        String id = api(tenant).post("/api/offers",
                offerJson(UUID.randomUUID(), UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.MINUTES))).json().path("id").asString();

        Response response = api(tenant).post("/api/offers/" + id + "/approve", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("detail").asString()).contains("expired");
        assertThat(api(tenant).get("/api/offers/" + id).json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(rows("outbox", tenant)).isZero();
    }

    @Test
    void aRejectedOfferCannotBeApprovedNorRejectedAgain() {
        String tenant = newTenant();
        String id = api(tenant).post("/api/offers", offerJson()).json().path("id").asString();

        Response rejected = api(tenant).post("/api/offers/" + id + "/reject", null);

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(api(tenant).post("/api/offers/" + id + "/approve", null).status()).isEqualTo(409);
        assertThat(api(tenant).post("/api/offers/" + id + "/reject", null).status()).isEqualTo(409);
        assertThat(rows("outbox", tenant)).isZero();
    }
}
