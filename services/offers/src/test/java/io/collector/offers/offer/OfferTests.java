package io.collector.offers.offer;

import io.collector.events.payload.OfferApproved;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID PRODUCT = UUID.randomUUID();

    private static Offer openOffer(Instant validUntil) {
        NewOffer request = new NewOffer(UUID.randomUUID(), "EUR", validUntil, List.of(
                new OfferLine(PRODUCT, "Chair", new BigDecimal("5"), new BigDecimal("300.00"), new BigDecimal("10"), new BigDecimal("20")),
                new OfferLine(null, "Assembly", new BigDecimal("1.5"), new BigDecimal("40.00"), null, null)));
        return Offer.open(UUID.randomUUID(), "acme", "OFF-2026-001", request, NOW);
    }

    @Test
    void aNewOfferIsOpenWithComputedTotals() {
        Offer offer = openOffer(NOW.plus(Duration.ofDays(30)));

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
    }

    @Test
    void approvingRaisesOfferApprovedWithTheLinesAndGrandTotal() {
        Offer offer = openOffer(NOW.plus(Duration.ofDays(30)));

        OfferApproved approved = offer.approve(NOW);

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.APPROVED);
        assertThat(offer.decidedAt()).isEqualTo(NOW);
        assertThat(approved.offerId()).isEqualTo(offer.id());
        assertThat(approved.offerNumber()).isEqualTo("OFF-2026-001");
        assertThat(approved.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
        assertThat(approved.lineItems()).hasSize(2);
        OfferApproved.LineItem chair = approved.lineItems().get(0);
        assertThat(chair.productId()).isEqualTo(PRODUCT);
        assertThat(chair.quantity()).isEqualTo(new BigDecimal("5"));
        assertThat(chair.unitPrice()).isEqualTo(new BigDecimal("300.00"));
        assertThat(chair.discountPercent()).isEqualTo(new BigDecimal("10"));
        assertThat(chair.taxPercent()).isEqualTo(new BigDecimal("20"));
        assertThat(approved.lineItems().get(1).productId()).isNull();
        assertThat(approved.lineItems().get(1).discountPercent()).isNull();
    }

    @Test
    void anApprovedOfferCannotBeApprovedAgainNorRejected() {
        Offer offer = openOffer(NOW.plus(Duration.ofDays(30)));
        offer.approve(NOW);

        assertThatThrownBy(() -> offer.approve(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> offer.reject("too late", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRejectedOfferCannotBeApproved() {
        Offer offer = openOffer(NOW.plus(Duration.ofDays(30)));
        offer.reject("too expensive", NOW);

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.REJECTED);
        assertThat(offer.rejectionReason()).isEqualTo("too expensive");
        assertThatThrownBy(() -> offer.approve(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("REJECTED");
        assertThatThrownBy(() -> offer.reject(null, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOfferPastItsValidUntilIsExpiredAndCannotBeApproved() {
        Offer offer = openOffer(NOW.minusSeconds(1));

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.EXPIRED);
        assertThatThrownBy(() -> offer.approve(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.EXPIRED);
    }

    @Test
    void anExpiredOfferCanStillBeRejected() {
        Offer offer = openOffer(NOW.minusSeconds(1));

        offer.reject("no answer in time", NOW);

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.REJECTED);
    }

    @Test
    void anOfferIsValidUpToAndIncludingItsValidUntil() {
        Offer offer = openOffer(NOW);

        offer.approve(NOW);

        assertThat(offer.status(NOW)).isEqualTo(OfferStatus.APPROVED);
    }

    @Test
    void decidedOffersNeverShowAsExpired() {
        Offer offer = openOffer(NOW.plusSeconds(1));
        offer.approve(NOW);

        assertThat(offer.status(NOW.plus(Duration.ofDays(365)))).isEqualTo(OfferStatus.APPROVED);
    }

    @Test
    void aDraftOfferCanBeDecidedLikeAnOpenOne() {
        Offer draft = Offer.restore(UUID.randomUUID(), "acme", "OFF-2026-002", UUID.randomUUID(), "EUR",
                NOW.plusSeconds(60), List.of(new OfferLine(null, "Consulting", BigDecimal.ONE, BigDecimal.TEN, null, null)),
                OfferStatus.DRAFT, NOW, null, null);

        draft.approve(NOW);

        assertThat(draft.status(NOW)).isEqualTo(OfferStatus.APPROVED);
    }

    @Test
    void anOfferNeedsAtLeastOneLine() {
        NewOffer empty = new NewOffer(UUID.randomUUID(), "EUR", NOW, List.of());

        assertThatThrownBy(() -> Offer.open(UUID.randomUUID(), "acme", "OFF-2026-003", empty, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesRefuseImpossibleValues() {
        assertThatThrownBy(() -> new OfferLine(null, "x", BigDecimal.ZERO, BigDecimal.ONE, null, null))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> new OfferLine(null, "x", BigDecimal.ONE, new BigDecimal("-1"), null, null))
                .hasMessageContaining("unitPrice");
        assertThatThrownBy(() -> new OfferLine(null, "x", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("100.01"), null))
                .hasMessageContaining("discountPercent");
        assertThatThrownBy(() -> new OfferLine(null, "x", BigDecimal.ONE, BigDecimal.ONE, null, new BigDecimal("-0.5")))
                .hasMessageContaining("taxPercent");
    }

    @Test
    void amountsTooLargeForTheLedgerAreRefused() {
        NewOffer huge = new NewOffer(UUID.randomUUID(), "EUR", NOW, List.of(new OfferLine(null, "x",
                new BigDecimal("999999999999999"), new BigDecimal("99999999999999999.99"), null, null)));

        assertThatThrownBy(() -> Offer.open(UUID.randomUUID(), "acme", "OFF-2026-004", huge, NOW))
                .isInstanceOf(UnprocessableException.class);
    }
}
