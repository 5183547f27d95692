package io.collector.offers.offer;

import io.collector.eventbus.EventPublisher;
import io.collector.events.payload.OfferApproved;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The offer use cases; every one acts within the caller's tenant. */
@Service
public class OfferManagement {

    private static final Logger log = LoggerFactory.getLogger(OfferManagement.class);

    private final OfferRepository offers;
    private final DocumentNumbers numbers;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    OfferManagement(OfferRepository offers, DocumentNumbers numbers, EventPublisher publisher) {
        this.offers = offers;
        this.numbers = numbers;
        this.publisher = publisher;
    }

    /** A new OPEN offer numbered {@code OFF-<year>-<seq>}, its totals computed here. */
    @Transactional
    public Offer create(String tenantId, NewOffer request) {
        Offer offer = Offer.open(UUID.randomUUID(), tenantId, numbers.next(tenantId, "OFF", Year.now()), request, now());
        offers.insert(offer);
        log.info("Created offer {} ({} {}) for tenant {}", offer.number(), offer.grandTotal(), offer.currency(), tenantId);
        return offer;
    }

    @Transactional(readOnly = true)
    public Offer get(String tenantId, UUID id) {
        return offers.find(tenantId, id).orElseThrow(() -> new NotFoundException("Offer", id));
    }

    /** Newest first, at most {@code limit}; {@code status} null for all. */
    @Transactional(readOnly = true)
    public List<Offer> list(String tenantId, OfferStatus status, int limit) {
        return offers.list(tenantId, status, now(), limit);
    }

    /** APPROVED, and {@code offer.approved} in the same transaction. 409 if decided or expired. */
    @Transactional
    public Offer approve(String tenantId, UUID id) {
        Offer offer = offers.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Offer", id));
        OfferApproved approved = offer.approve(now());
        offers.updateDecision(offer);
        publisher.publish(tenantId, approved);
        log.info("Approved offer {} for tenant {}", offer.number(), tenantId);
        return offer;
    }

    /** REJECTED (with an optional reason). 409 if already decided. */
    @Transactional
    public Offer reject(String tenantId, UUID id, String reason) {
        Offer offer = offers.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Offer", id));
        offer.reject(reason, now());
        offers.updateDecision(offer);
        log.info("Rejected offer {} for tenant {}", offer.number(), tenantId);
        return offer;
    }

    /** Now, at the database's precision, so what is returned equals what is stored. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
