package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code offer.approved}: an offer was approved by the customer (Offers → Orders). */
public record OfferApproved(
        UUID offerId,
        String offerNumber,
        UUID customerId,
        Instant validUntil,
        String currency,
        BigDecimal grandTotal,
        List<LineItem> lineItems) implements EventPayload {

    public OfferApproved {
        lineItems = List.copyOf(lineItems);
    }

    /** Decimal strings on the wire: quantity, unitPrice and the percentages may carry fractions. */
    public record LineItem(
            UUID productId,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal taxPercent) {
    }
}
