package io.collector.orders.order;

import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID CHAIR = UUID.randomUUID();
    private static final UUID DESK = UUID.randomUUID();
    private static final UUID ADDRESS = UUID.randomUUID();

    private static OfferApproved offer(OfferApproved.LineItem... lines) {
        return new OfferApproved(UUID.randomUUID(), "OFF-2026-007", UUID.randomUUID(), NOW.plusSeconds(3600), "EUR",
                new BigDecimal("1680.00"), List.of(lines));
    }

    private static OfferApproved.LineItem chairs(String quantity) {
        return new OfferApproved.LineItem(CHAIR, "Office chair", new BigDecimal(quantity), new BigDecimal("300.00"),
                new BigDecimal("10"), new BigDecimal("20"));
    }

    private static OfferApproved.LineItem assembly() {
        return new OfferApproved.LineItem(null, "Assembly", new BigDecimal("1.5"), new BigDecimal("40.00"), null, null);
    }

    private static Order fromOffer(OfferApproved offer) {
        return Order.fromOffer(UUID.randomUUID(), "acme", "ORD-2026-001", offer, NOW);
    }

    private static Order direct(UUID shippingAddress) {
        return Order.direct(UUID.randomUUID(), "acme", "ORD-2026-002", new NewOrder(UUID.randomUUID(), "USD", shippingAddress,
                List.of(new OrderLine(CHAIR, "SKU-1", "Office chair", new BigDecimal("3"), null, new BigDecimal("19.99"), null, null, null),
                        new OrderLine(DESK, null, "Desk", new BigDecimal("1"), "set", new BigDecimal("250.005"), null, null, null))), NOW);
    }

    @Test
    void anOrderFromAnOfferKeepsEveryLineAndTheOffersGrandTotal() {
        OfferApproved offer = offer(chairs("5.0000"), assembly());

        Order order = fromOffer(offer);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.offerId()).isEqualTo(offer.offerId());
        assertThat(order.customerId()).isEqualTo(offer.customerId());
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
        assertThat(order.lines()).hasSize(2);
        assertThat(order.lines().get(0).total()).isEqualTo(new BigDecimal("1620.00"));   // discount, then tax
        assertThat(order.lines().get(1).total()).isEqualTo(new BigDecimal("60.00"));
    }

    @Test
    void orderCreatedOfAnOfferOrderCarriesOnlyItsProductLinesAtTheirDiscountedUnitPrice() {
        OfferApproved offer = offer(chairs("5"), assembly());
        Order order = fromOffer(offer);

        OrderCreated created = order.created().orElseThrow();

        assertThat(created.orderId()).isEqualTo(order.id());
        assertThat(created.orderNumber()).isEqualTo("ORD-2026-001");
        assertThat(created.offerId()).isEqualTo(offer.offerId());
        assertThat(created.currency()).isEqualTo("EUR");
        assertThat(created.grandTotal()).isEqualTo(new BigDecimal("1680.00"));
        assertThat(created.lineItems()).containsExactly(
                new OrderCreated.LineItem(CHAIR, null, "Office chair", 5, new BigDecimal("270.00"), null));
    }

    @Test
    void aFractionalQuantityOfAProductCannotBecomeAnOrder() {
        assertThatThrownBy(() -> fromOffer(offer(chairs("2.5"))))
                .isInstanceOf(OrderNotPossible.class)
                .hasMessageContaining("2.5").hasMessageContaining(CHAIR.toString()).hasMessageContaining("whole number");
    }

    @Test
    void aServiceOnlyOfferBecomesAnOrderWithoutEvents() {
        Order order = fromOffer(offer(assembly()));

        assertThat(order.created()).isEmpty();
        assertThat(order.moveTo(OrderStatus.CONFIRMED, null, NOW)).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aDirectOrdersGrandTotalIsQuantityTimesUnitPriceWithoutTax() {
        Order order = direct(null);

        assertThat(order.offerId()).isNull();
        assertThat(order.lines().get(1).unitPrice()).isEqualTo(new BigDecimal("250.01"));  // cents, half up
        assertThat(order.grandTotal()).isEqualTo(new BigDecimal("309.98"));               // 59.97 + 250.01
        OrderCreated created = order.created().orElseThrow();
        assertThat(created.offerId()).isNull();
        assertThat(created.lineItems()).extracting(OrderCreated.LineItem::sku).containsExactly("SKU-1", null);
        assertThat(created.lineItems()).extracting(OrderCreated.LineItem::quantity).containsExactly(3, 1);
    }

    @Test
    void confirmingRaisesOrderConfirmedWithTheGivenAddressAndUnits() {
        Order order = direct(null);

        Optional<OrderConfirmed> confirmed = order.moveTo(OrderStatus.CONFIRMED, ADDRESS, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.confirmedAt()).isEqualTo(NOW);
        assertThat(order.shippingAddressId()).isEqualTo(ADDRESS);
        assertThat(confirmed).hasValueSatisfying(event -> {
            assertThat(event.orderId()).isEqualTo(order.id());
            assertThat(event.shippingAddressId()).isEqualTo(ADDRESS);
            assertThat(event.lineItems()).containsExactly(
                    new OrderConfirmed.LineItem(CHAIR, "Office chair", 3, "pcs"),
                    new OrderConfirmed.LineItem(DESK, "Desk", 1, "set"));
        });
    }

    @Test
    void confirmingFallsBackToTheOrdersOwnAddress() {
        Order order = direct(ADDRESS);

        assertThat(order.moveTo(OrderStatus.CONFIRMED, null, NOW)).hasValueSatisfying(
                event -> assertThat(event.shippingAddressId()).isEqualTo(ADDRESS));
    }

    @Test
    void confirmingGoodsWithoutAnyAddressIsRefusedAndChangesNothing() {
        Order order = fromOffer(offer(chairs("5")));

        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, null, NOW))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("shippingAddressId");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.confirmedAt()).isNull();
    }

    @Test
    void aConfirmedOrderCannotBeConfirmedAgainNorCancelled() {
        Order order = direct(ADDRESS);
        order.moveTo(OrderStatus.CONFIRMED, null, NOW);

        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, ADDRESS, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is CONFIRMED");
        assertThatThrownBy(() -> order.moveTo(OrderStatus.CANCELLED, null, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancelledOrderCannotBeConfirmed() {
        Order order = direct(ADDRESS);

        assertThat(order.moveTo(OrderStatus.CANCELLED, null, NOW)).isEmpty();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancelledAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, ADDRESS, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is CANCELLED");
    }

    @Test
    void theStatusConflictIsReportedBeforeAMissingAddress() {
        Order order = fromOffer(offer(chairs("5")));
        order.moveTo(OrderStatus.CANCELLED, null, NOW);

        assertThatThrownBy(() -> order.moveTo(OrderStatus.CONFIRMED, null, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void nothingGoesBackToPending() {
        assertThatThrownBy(() -> direct(ADDRESS).moveTo(OrderStatus.PENDING, null, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void amountsTooLargeForTheLedgerAreRefused() {
        NewOrder huge = new NewOrder(UUID.randomUUID(), "EUR", null, List.of(new OrderLine(CHAIR, null, "x",
                new BigDecimal("999999999"), null, new BigDecimal("99999999999999999.99"), null, null, null)));

        assertThatThrownBy(() -> Order.direct(UUID.randomUUID(), "acme", "ORD-2026-003", huge, NOW))
                .isInstanceOf(OrderNotPossible.class);
    }
}
