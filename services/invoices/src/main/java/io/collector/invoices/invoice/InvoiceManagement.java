package io.collector.invoices.invoice;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.InvoicePaid;
import io.collector.invoices.order.OrderProjection;
import io.collector.invoices.order.OrderProjectionManagement;
import io.collector.invoices.settings.InvoiceSettings;
import io.collector.invoices.settings.InvoiceSettingsManagement;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of invoices. Every one acts within one tenant. */
@Service
public class InvoiceManagement {

    private static final Logger log = LoggerFactory.getLogger(InvoiceManagement.class);
    static final String NUMBER_PREFIX = "INV";

    private final InvoiceRepository invoices;
    private final OrderProjectionManagement orders;
    private final InvoiceSettingsManagement settings;
    private final DocumentNumbers numbers;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    InvoiceManagement(InvoiceRepository invoices, OrderProjectionManagement orders, InvoiceSettingsManagement settings,
                      DocumentNumbers numbers, EventPublisher publisher) {
        this.invoices = invoices;
        this.orders = orders;
        this.settings = settings;
        this.numbers = numbers;
        this.publisher = publisher;
    }

    /**
     * Drafts the invoice of a delivered note, once per note: a note that already has one (the same
     * event re-published with a new eventId, say) is left alone. With the tenant's {@code autoIssue}
     * the draft is issued at once, in the same transaction.
     *
     * @throws OrderNotYetProjected  (transient: the bus retries) when the order's {@code order.created} has not arrived
     * @throws PermanentEventFailure when the order can never be invoiced
     */
    @Transactional
    public Optional<Invoice> createFor(String tenantId, DeliveryConfirmed delivery) {
        if (invoices.existsForDeliveryNote(tenantId, delivery.deliveryNoteId())) {
            log.info("Delivery note {} of tenant {} is already invoiced; nothing to do", delivery.deliveryNumber(), tenantId);
            return Optional.empty();
        }
        OrderProjection order = orders.find(tenantId, delivery.orderId())
                .orElseThrow(() -> new OrderNotYetProjected(delivery.orderId(), delivery.deliveryNoteId()));
        if (!order.customerId().equals(delivery.customerId())) {
            log.warn("Delivery note {} names customer {} but its order {} was placed by {}: billing the order's customer",
                    delivery.deliveryNumber(), delivery.customerId(), order.orderNumber(), order.customerId());
        }
        InvoiceSettings tenantSettings = settings.of(tenantId);
        Invoice invoice;
        try {
            invoice = Invoice.draft(tenantId, delivery, order, tenantSettings, now());
        } catch (InvoiceNotPossible e) {
            throw new PermanentEventFailure(e.getMessage(), e);
        }
        if (!invoices.insert(invoice)) {
            log.info("Delivery note {} of tenant {} was invoiced concurrently; nothing to do", delivery.deliveryNumber(), tenantId);
            return Optional.empty();
        }
        log.info("Drafted invoice {} for delivery note {} (order {}) of tenant {}: {} {}", invoice.id(),
                delivery.deliveryNumber(), order.orderNumber(), tenantId, invoice.totals().grandTotal(), invoice.currency());
        if (tenantSettings.autoIssue()) {
            issue(invoice);
        }
        return Optional.of(invoice);
    }

    @Transactional(readOnly = true)
    public Invoice get(String tenantId, UUID id) {
        return invoices.find(tenantId, id).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    @Transactional(readOnly = true)
    public List<Invoice> list(String tenantId, InvoiceStatus status, UUID customerId, UUID orderId, UUID deliveryNoteId,
                              int limit) {
        return invoices.findAll(tenantId, status, customerId, orderId, deliveryNoteId, limit);
    }

    /**
     * Issues a draft: the next {@code INV-<year>-<seq>} number of the tenant, the due date, and
     * {@code invoice.issued}. The invoice row is locked first, so two calls on one draft queue up and
     * the second gets a 409 without using up a number; the number sequence row stays locked until
     * commit, so concurrent issues of different drafts get consecutive numbers and a rollback gives
     * its number back.
     */
    @Transactional
    public Invoice issue(String tenantId, UUID id) {
        Invoice invoice = invoices.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Invoice", id));
        issue(invoice);
        return invoice;
    }

    /**
     * Records a payment of an issued invoice with the invoice row locked, so concurrent payments
     * cannot together exceed the grand total. The one that settles the invoice makes it PAID and
     * publishes {@code invoice.paid} (once: a PAID invoice takes no more payments).
     */
    @Transactional
    public Invoice recordPayment(String tenantId, UUID id, BigDecimal amount, String paymentMethod, Instant paymentDate) {
        Invoice invoice = invoices.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Invoice", id));
        Invoice.Payment payment = new Invoice.Payment(UUID.randomUUID(), amount, paymentMethod, paymentDate, now());
        Optional<InvoicePaid> paid = invoice.pay(payment);
        invoices.insertPayment(invoice, invoice.payments().get(invoice.payments().size() - 1));
        invoices.update(invoice);
        paid.ifPresent(event -> {
            publisher.publish(tenantId, event);
            log.info("Invoice {} of tenant {} is paid", invoice.invoiceNumber(), tenantId);
        });
        return invoice;
    }

    private void issue(Invoice invoice) {
        Instant now = now();
        var issued = invoice.issue(
                () -> numbers.next(invoice.tenantId(), NUMBER_PREFIX, Year.from(now.atZone(ZoneOffset.UTC))), now);
        invoices.update(invoice);
        publisher.publish(invoice.tenantId(), issued);
        log.info("Issued invoice {} of tenant {}, due {}", invoice.invoiceNumber(), invoice.tenantId(), invoice.dueDate());
    }

    /** Milliseconds, as the events carry instants: what the API shows equals what the events say. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
