package io.collector.offers.offer.web;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/offers/{id}/reject}. */
record RejectOfferRequest(@Size(max = 1000) String reason) {
}
