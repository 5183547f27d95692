package io.collector.delivery.note.web;

import io.collector.delivery.note.DeliveryNote;
import io.collector.delivery.note.DeliveryNoteStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery note as the API shows it; {@code dispatchedItems} is empty until it is dispatched. */
record DeliveryNoteResponse(
        UUID id,
        String deliveryNumber,
        DeliveryNoteStatus status,
        UUID orderId,
        String orderNumber,
        UUID customerId,
        UUID shippingAddressId,
        List<Item> items,
        List<DispatchedItem> dispatchedItems,
        UUID carrierId,
        String trackingNumber,
        String proofOfDeliveryUrl,
        Instant createdAt,
        Instant dispatchedAt,
        Instant deliveredAt) {

    record Item(UUID productId, String description, int quantity, String unit) {
    }

    record DispatchedItem(UUID productId, int quantity, UUID warehouseId) {
    }

    static DeliveryNoteResponse of(DeliveryNote note) {
        return new DeliveryNoteResponse(note.id(), note.deliveryNumber(), note.status(), note.orderId(), note.orderNumber(),
                note.customerId(), note.shippingAddressId(),
                note.items().stream().map(i -> new Item(i.productId(), i.description(), i.quantity(), i.unit())).toList(),
                note.dispatchedItems().stream().map(i -> new DispatchedItem(i.productId(), i.quantity(), i.warehouseId())).toList(),
                note.carrierId(), note.trackingNumber(), note.proofOfDeliveryUrl(), note.createdAt(), note.dispatchedAt(),
                note.deliveredAt());
    }
}
