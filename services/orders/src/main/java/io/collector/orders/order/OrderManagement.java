package io.collector.orders.order;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.payload.OfferApproved;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import io.collector.service.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The order use cases; every one acts within one tenant (the token's, or the event's). */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final OrderRepository orders;
    private final DocumentNumbers numbers;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    OrderManagement(OrderRepository orders, DocumentNumbers numbers, EventPublisher publisher) {
        this.orders = orders;
        this.numbers = numbers;
        this.publisher = publisher;
    }

    /**
     * The one order of an approved offer, PENDING, and {@code order.created}. An offer that already
     * has its order (the same approval again under another eventId) changes nothing; should two
     * copies race, the unique (tenant_id, offer_id) makes one fail and its retry finds the order.
     * An offer that can never become an order is a {@link PermanentEventFailure}.
     */
    @Transactional
    public Order createFromOffer(String tenantId, OfferApproved offer) {
        Optional<Order> existing = orders.findByOffer(tenantId, offer.offerId());
        if (existing.isPresent()) {
            log.info("Offer {} of tenant {} already has order {}: nothing to do", offer.offerNumber(), tenantId,
                    existing.get().number());
            return existing.get();
        }
        Order order;
        try {
            order = Order.fromOffer(UUID.randomUUID(), tenantId, numbers.next(tenantId, "ORD", Year.now()), offer, now());
        } catch (OrderNotPossible e) {
            throw new PermanentEventFailure("Offer " + offer.offerNumber() + " (" + offer.offerId()
                    + ") cannot become an order: " + e.getMessage(), e);
        }
        return store(order);
    }

    /** A direct order, PENDING, and {@code order.created}. */
    @Transactional
    public Order create(String tenantId, NewOrder request) {
        try {
            return store(Order.direct(UUID.randomUUID(), tenantId, numbers.next(tenantId, "ORD", Year.now()), request, now()));
        } catch (OrderNotPossible e) {
            throw new UnprocessableException("The order cannot be placed: " + e.getMessage());
        }
    }

    private Order store(Order order) {
        orders.insert(order);
        order.created().ifPresentOrElse(created -> publisher.publish(order.tenantId(), created),
                () -> log.info("Order {} has no product lines: no order.created", order.number()));
        log.info("Created order {} ({} {}) for tenant {}{}", order.number(), order.grandTotal(), order.currency(),
                order.tenantId(), order.offerId() == null ? "" : " from offer " + order.offerId());
        return order;
    }

    @Transactional(readOnly = true)
    public Order get(String tenantId, UUID id) {
        return orders.find(tenantId, id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** Newest first, at most {@code limit}; {@code status} null for all. */
    @Transactional(readOnly = true)
    public List<Order> list(String tenantId, OrderStatus status, int limit) {
        return orders.list(tenantId, status, limit);
    }

    /**
     * CONFIRMED (publishing {@code order.confirmed}) or CANCELLED. 409 for a move the status machine
     * refuses, 422 for a confirmation without any shipping address.
     */
    @Transactional
    public Order changeStatus(String tenantId, UUID id, OrderStatus target, UUID shippingAddressId) {
        Order order = orders.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Order", id));
        order.moveTo(target, shippingAddressId, now()).ifPresent(confirmed -> publisher.publish(tenantId, confirmed));
        orders.updateStatus(order);
        log.info("Order {} of tenant {} is now {}", order.number(), tenantId, order.status());
        return order;
    }

    /** Now, at the database's precision, so what is returned equals what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
