package io.collector.crm.customer.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.collector.crm.customer.CustomerInvoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One payment of a customer, from {@code invoice.paid}. {@code paymentMethod} is absent when the event had none. */
record PaymentResponse(
        UUID invoiceId,
        String invoiceNumber,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String paymentMethod,
        Instant paymentDate) {

    static PaymentResponse of(CustomerInvoice paid) {
        return new PaymentResponse(paid.invoiceId(), paid.invoiceNumber(), paid.payment().amount(), paid.currency(),
                paid.payment().method(), paid.payment().date());
    }
}
