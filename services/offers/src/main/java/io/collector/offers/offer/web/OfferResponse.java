package io.collector.offers.offer.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.offers.offer.Offer;
import io.collector.offers.offer.OfferLine;
import io.collector.offers.offer.OfferStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer as the API shows it. Decimals are strings ({@code "1500.00"}), as in {@code offer.approved},
 * so no client turns money into floating point; {@code status} is EXPIRED for an undecided offer past
 * {@code validUntil}.
 */
record OfferResponse(
        UUID id,
        String number,
        UUID customerId,
        String currency,
        Instant validUntil,
        OfferStatus status,
        List<Line> lineItems,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountTotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxTotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grandTotal,
        Instant createdAt,
        Instant decidedAt,
        String rejectionReason) {

    record Line(
            UUID productId,
            String description,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal netAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total) {

        static Line of(OfferLine line) {
            return new Line(line.productId(), line.description(), line.quantity(), line.unitPrice(),
                    line.discountPercent(), line.taxPercent(), line.netAmount(), line.taxAmount(), line.total());
        }
    }

    static OfferResponse of(Offer offer, Instant now) {
        return new OfferResponse(offer.id(), offer.number(), offer.customerId(), offer.currency(), offer.validUntil(),
                offer.status(now), offer.lines().stream().map(Line::of).toList(), offer.totals().subtotal(),
                offer.totals().discountTotal(), offer.totals().taxTotal(), offer.totals().grandTotal(),
                offer.createdAt(), offer.decidedAt(), offer.rejectionReason());
    }
}
