package io.collector.crm.customer;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The balance arithmetic: one {@link CurrencyBalance} per currency a customer was invoiced or paid
 * in, sorted by currency. Amounts of different currencies are never added together.
 */
public final class CustomerBalances {

    private CustomerBalances() {
    }

    public static List<CurrencyBalance> of(Collection<CustomerInvoice> invoices) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (CustomerInvoice invoice : invoices) {
            BigDecimal[] sum = sums.computeIfAbsent(invoice.currency(), c -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            sum[0] = sum[0].add(invoice.outstanding());
            sum[1] = sum[1].add(invoice.paidAmount());
        }
        return sums.entrySet().stream()
                .map(e -> new CurrencyBalance(e.getKey(), Money.amount(e.getValue()[0]), Money.amount(e.getValue()[1])))
                .toList();
    }

    /** How many of the invoices were paid. */
    public static int paymentCount(Collection<CustomerInvoice> invoices) {
        return (int) invoices.stream().filter(CustomerInvoice::isPaid).count();
    }
}
