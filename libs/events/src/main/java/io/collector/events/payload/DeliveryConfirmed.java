package io.collector.events.payload;

import io.collector.events.EventPayload;

import java.util.UUID;

/** {@code delivery.confirmed}: the customer received the goods (Delivery Notes → Invoices). */
public record DeliveryConfirmed(
        UUID deliveryNoteId,
        String deliveryNumber,
        UUID orderId,
        UUID customerId,
        String proofOfDeliveryUrl) implements EventPayload {
}
