package io.collector.crm.customer;

import io.collector.service.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Use cases of the API: customers with their addresses, balances and payments. */
@Service
public class CustomerManagement {

    private final CustomerRepository customers;
    private final CustomerInvoiceRepository invoices;
    private final Clock clock = Clock.systemUTC();

    CustomerManagement(CustomerRepository customers, CustomerInvoiceRepository invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    /** A new known customer; it has no invoices yet. */
    @Transactional
    public CustomerOverview create(String tenantId, String name, String email, String phone, List<Address> addresses) {
        Customer customer = Customer.create(tenantId, name, email, phone, addresses,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        customers.insert(customer);
        return CustomerOverview.of(customer, List.of());
    }

    @Transactional(readOnly = true)
    public CustomerOverview get(String tenantId, UUID id) {
        Customer customer = customers.find(tenantId, id).orElseThrow(() -> new NotFoundException("Customer", id));
        return CustomerOverview.of(customer, invoices.findByCustomers(tenantId, List.of(id)).getOrDefault(id, List.of()));
    }

    /** {@code nameContains}: part of the name in any case, or null for every customer. */
    @Transactional(readOnly = true)
    public List<CustomerOverview> list(String tenantId, String nameContains, int limit) {
        List<Customer> found = customers.search(tenantId, nameContains, limit);
        Map<UUID, List<CustomerInvoice>> invoicesOf = invoices.findByCustomers(tenantId, found.stream().map(Customer::id).toList());
        return found.stream().map(c -> CustomerOverview.of(c, invoicesOf.getOrDefault(c.id(), List.of()))).toList();
    }

    /** The customer's paid invoices, the latest payment first. */
    @Transactional(readOnly = true)
    public List<CustomerInvoice> payments(String tenantId, UUID customerId) {
        if (customers.find(tenantId, customerId).isEmpty()) {
            throw new NotFoundException("Customer", customerId);
        }
        return invoices.findPaid(tenantId, customerId);
    }
}
