package io.collector.crm.customer;

import io.collector.crm.customer.CustomerInvoice.InconsistentInvoiceEvent;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases of the invoice events: the projection of each customer's issued and paid invoices that
 * their balances, lifetime value and payment history come from. Acts only within the event's tenant.
 * An event naming a customer CRM does not know creates a placeholder customer ({@code known = false})
 * rather than failing: customers may be created elsewhere or before CRM existed.
 */
@Service
public class CustomerBillingManagement {

    private static final Logger log = LoggerFactory.getLogger(CustomerBillingManagement.class);

    private final CustomerRepository customers;
    private final CustomerInvoiceRepository invoices;
    private final Clock clock = Clock.systemUTC();

    CustomerBillingManagement(CustomerRepository customers, CustomerInvoiceRepository invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    /** invoice.issued: records what the customer was billed (once per invoice). */
    @Transactional
    public void recordIssued(String tenantId, InvoiceIssued issued) {
        BigDecimal amount = amount("invoice.issued", issued.invoiceId(), issued.grandTotal());
        CustomerInvoice.Issue issue = new CustomerInvoice.Issue(amount, issued.dueDate(), now());
        record(tenantId, "invoice.issued",
                CustomerInvoice.issued(issued.invoiceId(), issued.customerId(), issued.invoiceNumber(), issued.currency(), issue),
                existing -> existing.withIssue(issued.customerId(), issued.currency(), issue));
    }

    /** invoice.paid: records the customer's payment of an invoice (once per invoice: it is paid in full). */
    @Transactional
    public void recordPaid(String tenantId, InvoicePaid paid) {
        BigDecimal amount = amount("invoice.paid", paid.invoiceId(), paid.amount());
        CustomerInvoice.Payment payment = new CustomerInvoice.Payment(amount, paid.paymentMethod(), paid.paymentDate(), now());
        record(tenantId, "invoice.paid",
                CustomerInvoice.paid(paid.invoiceId(), paid.customerId(), paid.invoiceNumber(), paid.currency(), payment),
                existing -> existing.withPayment(paid.customerId(), paid.currency(), payment));
    }

    private void record(String tenantId, String event, CustomerInvoice asFirstNews,
                        Function<CustomerInvoice, Optional<CustomerInvoice>> completing) {
        UUID customerId = asFirstNews.customerId();
        if (customers.insertIfAbsent(Customer.placeholder(tenantId, customerId, now()))) {
            log.info("{} named customer {} unknown to CRM (tenant {}): created a placeholder customer",
                    event, customerId, tenantId);
        }
        if (invoices.insertIfAbsent(tenantId, asFirstNews)) {
            log.info("Recorded {} of invoice {} for customer {}", event, asFirstNews.invoiceNumber(), customerId);
            return;
        }
        CustomerInvoice existing = invoices.lock(tenantId, asFirstNews.invoiceId())
                .orElseThrow(() -> new IllegalStateException("invoice " + asFirstNews.invoiceId() + " vanished"));
        Optional<CustomerInvoice> completed;
        try {
            completed = completing.apply(existing);
        } catch (InconsistentInvoiceEvent e) {
            throw new PermanentEventFailure(e.getMessage(), e);
        }
        completed.ifPresentOrElse(invoice -> {
            invoices.update(tenantId, invoice);
            log.info("Recorded {} of invoice {} for customer {}", event, invoice.invoiceNumber(), customerId);
        }, () -> log.warn("Ignored {} of invoice {}: already recorded (a copy under a new event id)",
                event, asFirstNews.invoiceId()));
    }

    private static BigDecimal amount(String event, UUID invoiceId, BigDecimal amount) {
        BigDecimal rounded = Money.amount(amount);
        if (!Money.fitsColumn(rounded)) {
            throw new PermanentEventFailure(event + " for invoice " + invoiceId + " has an amount too large to record: " + amount);
        }
        return rounded;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
