package io.collector.invoices.invoice;

import java.util.UUID;

/**
 * A delivery was confirmed before the {@code order.created} of its order reached Invoices (the two
 * travel on different queues). A transient failure on purpose: the bus retries the
 * {@code delivery.confirmed} later, by when the order is normally known; after the last retry the
 * event goes to the DLQ (from where it can be replayed once the order is there).
 */
public class OrderNotYetProjected extends RuntimeException {

    OrderNotYetProjected(UUID orderId, UUID deliveryNoteId) {
        super("Order " + orderId + " of delivery note " + deliveryNoteId + " is not known yet: no order.created of it"
                + " has arrived in this tenant (the delivery.confirmed is retried, and dead-lettered after the last retry)");
    }
}
