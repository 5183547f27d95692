package io.collector.offers.offer;

/**
 * Where an offer stands. DRAFT and OPEN are undecided (this API creates offers OPEN; DRAFT is kept
 * for offers written by other tools and behaves like OPEN). APPROVED and REJECTED are final.
 * EXPIRED is never stored: an undecided offer whose {@code validUntil} has passed shows as EXPIRED.
 */
public enum OfferStatus {
    DRAFT, OPEN, APPROVED, REJECTED, EXPIRED;

    boolean undecided() {
        return this == DRAFT || this == OPEN;
    }
}
