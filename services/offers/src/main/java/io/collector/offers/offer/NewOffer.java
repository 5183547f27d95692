package io.collector.offers.offer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** What a caller gives to create an offer; the number, status and totals are the service's. */
public record NewOffer(UUID customerId, String currency, Instant validUntil, List<OfferLine> lines) {

    public NewOffer {
        lines = List.copyOf(lines);
        // The database keeps microseconds: what is returned must equal what is stored.
        validUntil = validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.MICROS);
    }
}
