package io.collector.offers.offer.web;

import io.collector.offers.offer.NewOffer;
import io.collector.offers.offer.OfferLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code POST /api/offers}. Totals are never taken from the caller: the service computes them. */
record CreateOfferRequest(
        @NotNull UUID customerId,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be a three-letter ISO 4217 code such as USD") String currency,
        @NotNull Instant validUntil,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineItem> lineItems) {

    /** A line; without productId it is a service line. Percentages are optional (none = 0). */
    record LineItem(
            UUID productId,
            @NotBlank @Size(max = 500) String description,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal quantity,
            @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal taxPercent) {

        OfferLine toLine() {
            return new OfferLine(productId, description.strip(), quantity, unitPrice, discountPercent, taxPercent);
        }
    }

    NewOffer toNewOffer() {
        return new NewOffer(customerId, currency, validUntil, lineItems.stream().map(LineItem::toLine).toList());
    }
}
