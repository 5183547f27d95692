package io.collector.eventbus;

import io.collector.events.EventEnvelope;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.EmployeeHired;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.events.payload.PayrollProcessed;
import io.collector.events.payload.StockLow;
import io.collector.events.payload.TaskCompleted;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * One handler per event type. Each handled event writes one row to the effects table in the
 * handler's transaction: counting rows per event key counts effects.
 */
@Component
public class RecordingHandlers {

    private final Effects effects;
    private final HandlerScript script;
    private final EventPublisher publisher;

    RecordingHandlers(Effects effects, HandlerScript script, EventPublisher publisher) {
        this.effects = effects;
        this.script = script;
        this.publisher = publisher;
    }

    @EventHandler
    void onOfferApproved(EventEnvelope<OfferApproved> event) {
        handle(event);
        String key = EventContext.current().orElseThrow().eventKey();
        if (script.publishesFollowUp(key)) {
            OfferApproved offer = event.data();
            publisher.publish(event.tenantId(), new OrderCreated(java.util.UUID.randomUUID(), "ORD-2024-001",
                    offer.customerId(), offer.offerId(),
                    List.of(new OrderCreated.LineItem(java.util.UUID.randomUUID(), null, "Product Name", 5, offer.grandTotal(), null)),
                    offer.currency(), offer.grandTotal()));
        }
    }

    @EventHandler
    void onOrderCreated(EventEnvelope<OrderCreated> event) {
        handle(event);
    }

    @EventHandler
    void onOrderConfirmed(EventEnvelope<OrderConfirmed> event) {
        handle(event);
    }

    @EventHandler
    void onDeliveryDispatched(EventEnvelope<DeliveryDispatched> event) {
        handle(event);
    }

    @EventHandler
    void onDeliveryConfirmed(EventEnvelope<DeliveryConfirmed> event) {
        handle(event);
    }

    @EventHandler
    void onInvoiceIssued(EventEnvelope<InvoiceIssued> event) {
        handle(event);
    }

    @EventHandler
    void onInvoicePaid(EventEnvelope<InvoicePaid> event) {
        handle(event);
    }

    @EventHandler
    void onStockLow(EventEnvelope<StockLow> event) {
        handle(event);
    }

    @EventHandler
    void onTaskCompleted(EventEnvelope<TaskCompleted> event) {
        handle(event);
    }

    @EventHandler
    void onEmployeeHired(EventEnvelope<EmployeeHired> event) {
        handle(event);
    }

    /** Takes the payload alone, the other handler signature. */
    @EventHandler(maxRetries = 1)
    void onPayrollProcessed(PayrollProcessed payroll) {
        handle(EventContext.current().orElseThrow(), payroll.payrollPeriod());
    }

    private void handle(EventEnvelope<?> event) {
        handle(EventContext.current().orElseThrow(), event.type());
    }

    private void handle(EventContext context, String detail) {
        String key = context.eventKey();
        script.recordAttempt(key, MDC.getCopyOfContextMap());
        effects.record(context, detail);
        if (script.isPermanentFailure(key)) {
            throw new PermanentEventFailure("no such customer: " + detail);
        }
        if (script.throwsError(key)) {
            throw new AssertionError("scripted error of " + key);
        }
        if (script.shouldFail(key)) {
            throw new IllegalStateException("scripted failure of " + key);
        }
        if (script.failsAfterCommit(key)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    throw new IllegalStateException("crash between commit and ack of " + key);
                }
            });
        }
    }
}
