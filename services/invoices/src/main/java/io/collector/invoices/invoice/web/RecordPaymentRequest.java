package io.collector.invoices.invoice.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Body of {@code POST /api/invoices/{id}/payments}.
 *
 * @param amount        a decimal string or number, greater than 0, at most 2 decimals
 * @param paymentMethod optional, e.g. {@code STRIPE}
 * @param paymentDate   an ISO-8601 instant such as {@code 2024-01-16T10:00:00Z}
 */
record RecordPaymentRequest(
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 17, fraction = 2, message = "must have at most 2 decimals (and 17 digits before the point)")
        BigDecimal amount,
        @Size(max = 50) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String paymentMethod,
        @NotNull Instant paymentDate) {
}
