package io.collector.delivery.note.messaging;

import io.collector.delivery.note.DeliveryNoteManagement;
import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.OrderConfirmed;
import org.springframework.stereotype.Component;

@Component
class OrderConfirmedEventHandler {

    private final DeliveryNoteManagement notes;

    OrderConfirmedEventHandler(DeliveryNoteManagement notes) {
        this.notes = notes;
    }

    @EventHandler
    void on(EventEnvelope<OrderConfirmed> event) {
        notes.createFor(event.tenantId(), event.data());
    }
}
