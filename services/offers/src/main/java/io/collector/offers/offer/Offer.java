package io.collector.offers.offer;

import io.collector.events.payload.OfferApproved;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An offer (quote) to a customer: its lines, the totals computed from them, and its status machine
 * DRAFT/OPEN → APPROVED | REJECTED. An undecided offer past its {@code validUntil} is EXPIRED: it
 * can still be rejected (recording the customer's no), never approved.
 */
public final class Offer {

    private final UUID id;
    private final String tenantId;
    private final String number;
    private final UUID customerId;
    private final String currency;
    private final Instant validUntil;
    private final List<OfferLine> lines;
    private final OfferTotals totals;
    private final Instant createdAt;
    private OfferStatus status;
    private Instant decidedAt;
    private String rejectionReason;

    private Offer(UUID id, String tenantId, String number, UUID customerId, String currency, Instant validUntil,
                  List<OfferLine> lines, OfferStatus status, Instant createdAt, Instant decidedAt, String rejectionReason) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.number = Objects.requireNonNull(number, "number");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.lines = List.copyOf(lines);
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.decidedAt = decidedAt;
        this.rejectionReason = rejectionReason;
        if (this.lines.isEmpty()) {
            throw new IllegalArgumentException("an offer has at least one line");
        }
        if (status == OfferStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is derived from validUntil, never stored");
        }
        this.totals = OfferTotals.of(this.lines);
    }

    /** A new offer, OPEN for the customer's decision. */
    public static Offer open(UUID id, String tenantId, String number, NewOffer offer, Instant now) {
        Offer created = new Offer(id, tenantId, number, offer.customerId(), offer.currency(), offer.validUntil(),
                offer.lines(), OfferStatus.OPEN, now, null, null);
        if (!created.totals.fitColumns()) {
            throw new UnprocessableException("The offer's amounts are too large (more than 17 digits before the decimal point)");
        }
        return created;
    }

    /** An offer as stored. */
    static Offer restore(UUID id, String tenantId, String number, UUID customerId, String currency, Instant validUntil,
                         List<OfferLine> lines, OfferStatus status, Instant createdAt, Instant decidedAt,
                         String rejectionReason) {
        return new Offer(id, tenantId, number, customerId, currency, validUntil, lines, status, createdAt, decidedAt,
                rejectionReason);
    }

    /**
     * The customer accepted: APPROVED, and the {@code offer.approved} event Orders turns into an
     * order. Refused (409) when the offer is already decided or has expired.
     */
    public OfferApproved approve(Instant now) {
        requireUndecided("approved");
        if (isExpired(now)) {
            throw new ConflictException("Offer " + number + " expired at " + validUntil + " and can no longer be approved");
        }
        status = OfferStatus.APPROVED;
        decidedAt = now;
        return new OfferApproved(id, number, customerId, validUntil, currency, totals.grandTotal(),
                lines.stream().map(line -> new OfferApproved.LineItem(line.productId(), line.description(),
                        line.quantity(), line.unitPrice(), line.discountPercent(), line.taxPercent())).toList());
    }

    /** The customer declined; also allowed after expiry, to record the answer. Refused (409) once decided. */
    public void reject(String reason, Instant now) {
        requireUndecided("rejected");
        status = OfferStatus.REJECTED;
        decidedAt = now;
        rejectionReason = reason;
    }

    private void requireUndecided(String action) {
        if (!status.undecided()) {
            throw new ConflictException("Offer " + number + " is " + status + " and cannot be " + action);
        }
    }

    /** Undecided and past its validUntil. */
    public boolean isExpired(Instant now) {
        return status.undecided() && validUntil.isBefore(now);
    }

    /** The status as callers see it: EXPIRED instead of DRAFT/OPEN once validUntil has passed. */
    public OfferStatus status(Instant now) {
        return isExpired(now) ? OfferStatus.EXPIRED : status;
    }

    /** The stored status (never EXPIRED). */
    OfferStatus storedStatus() {
        return status;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String number() { return number; }
    public UUID customerId() { return customerId; }
    public String currency() { return currency; }
    public Instant validUntil() { return validUntil; }
    public List<OfferLine> lines() { return lines; }
    public OfferTotals totals() { return totals; }
    public BigDecimal grandTotal() { return totals.grandTotal(); }
    public Instant createdAt() { return createdAt; }
    public Instant decidedAt() { return decidedAt; }
    public String rejectionReason() { return rejectionReason; }
}
