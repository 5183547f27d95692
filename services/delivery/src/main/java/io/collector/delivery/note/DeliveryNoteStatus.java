package io.collector.delivery.note;

/** CREATED → DISPATCHED → DELIVERED; nothing else. */
public enum DeliveryNoteStatus {
    CREATED,
    DISPATCHED,
    DELIVERED;

    boolean canDispatch() {
        return this == CREATED;
    }

    boolean canConfirmDelivery() {
        return this == DISPATCHED;
    }
}
