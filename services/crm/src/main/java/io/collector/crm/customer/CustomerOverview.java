package io.collector.crm.customer;

import java.util.List;

/** A customer with its addresses, its balances per currency and how many payments it made. */
public record CustomerOverview(Customer customer, List<CurrencyBalance> balances, int paymentCount) {

    public CustomerOverview {
        balances = List.copyOf(balances);
    }

    static CustomerOverview of(Customer customer, List<CustomerInvoice> invoices) {
        return new CustomerOverview(customer, CustomerBalances.of(invoices), CustomerBalances.paymentCount(invoices));
    }
}
