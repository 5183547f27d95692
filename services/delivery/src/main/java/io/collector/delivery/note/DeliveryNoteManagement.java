package io.collector.delivery.note;

import io.collector.delivery.order.OrderLineManagement;
import io.collector.eventbus.EventPublisher;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderConfirmed;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The use cases of delivery notes. Every one acts within one tenant. */
@Service
public class DeliveryNoteManagement {

    private static final Logger log = LoggerFactory.getLogger(DeliveryNoteManagement.class);
    static final String NUMBER_PREFIX = "DN";

    private final DeliveryNoteRepository notes;
    private final OrderLineManagement orderLines;
    private final DocumentNumbers numbers;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    DeliveryNoteManagement(DeliveryNoteRepository notes, OrderLineManagement orderLines, DocumentNumbers numbers,
                           EventPublisher publisher) {
        this.notes = notes;
        this.orderLines = orderLines;
        this.numbers = numbers;
        this.publisher = publisher;
    }

    /**
     * Creates the delivery note of a confirmed order, once: an order that already has a note (the same
     * event re-published with a new eventId, say) is left alone.
     */
    @Transactional
    public void createFor(String tenantId, OrderConfirmed order) {
        // Checked before taking a number, because a number once taken is never given back in this transaction.
        if (notes.existsForOrder(tenantId, order.orderId())) {
            log.info("Order {} of tenant {} already has a delivery note; nothing to do", order.orderNumber(), tenantId);
            return;
        }
        Instant now = clock.instant();
        String number = numbers.next(tenantId, NUMBER_PREFIX, Year.from(now.atZone(ZoneOffset.UTC)));
        DeliveryNote note = DeliveryNote.createFor(tenantId, number, order, now);
        if (!notes.insert(note)) {
            // Another instance created it between the check and the insert: fail so that this
            // transaction (and the number it took) rolls back; the retry then finds the note.
            throw new IllegalStateException("Delivery note of order " + order.orderId() + " was created concurrently");
        }
        log.info("Created delivery note {} for order {} of tenant {}", number, order.orderNumber(), tenantId);
    }

    @Transactional(readOnly = true)
    public DeliveryNote get(String tenantId, UUID id) {
        return notes.find(tenantId, id).orElseThrow(() -> new NotFoundException("Delivery note", id));
    }

    @Transactional(readOnly = true)
    public List<DeliveryNote> list(String tenantId, DeliveryNoteStatus status, UUID orderId, int limit) {
        return notes.findAll(tenantId, status, orderId, limit);
    }

    /**
     * Dispatches the note and publishes {@code delivery.dispatched}. Warehouses are looked up now, not
     * when the note was created, so the order's {@code order.created} may have arrived after its
     * {@code order.confirmed}.
     *
     * @param fallbackWarehouse for the items whose order line named no warehouse; may be null
     */
    @Transactional
    public DeliveryNote dispatch(String tenantId, UUID id, UUID carrierId, String trackingNumber, UUID fallbackWarehouse) {
        DeliveryNote note = notes.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Delivery note", id));
        DeliveryDispatched dispatched = note.dispatch(orderLines.linesOf(tenantId, note.orderId()), fallbackWarehouse,
                carrierId, trackingNumber, clock.instant());
        notes.update(note);
        publisher.publish(tenantId, dispatched);
        return note;
    }

    /** Confirms the delivery of a dispatched note and publishes {@code delivery.confirmed}. */
    @Transactional
    public DeliveryNote confirmDelivery(String tenantId, UUID id, String proofOfDeliveryUrl) {
        DeliveryNote note = notes.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Delivery note", id));
        DeliveryConfirmed confirmed = note.confirmDelivery(proofOfDeliveryUrl, clock.instant());
        notes.update(note);
        publisher.publish(tenantId, confirmed);
        return note;
    }
}
