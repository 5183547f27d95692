package io.collector.crm.customer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerBalancesTests {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2024-01-16T10:00:00Z");

    @Test
    void anIssuedUnpaidInvoiceIsOutstandingAndAddsNoLifetimeValue() {
        List<CurrencyBalance> balances = CustomerBalances.of(List.of(issued("EUR", "1500.00")));

        assertThat(balances).containsExactly(new CurrencyBalance("EUR", new BigDecimal("1500.00"), new BigDecimal("0.00")));
    }

    @Test
    void aPaidIssuedInvoiceOwesNothingAndCountsInTheLifetimeValue() {
        CustomerInvoice invoice = issued("USD", "1500.00").withPayment(CUSTOMER, "USD", payment("1500.00")).orElseThrow();

        assertThat(CustomerBalances.of(List.of(invoice)))
                .containsExactly(new CurrencyBalance("USD", new BigDecimal("0.00"), new BigDecimal("1500.00")));
        assertThat(CustomerBalances.paymentCount(List.of(invoice))).isEqualTo(1);
    }

    @Test
    void aPaymentWhoseIssueIsNotKnownYetCountsInTheLifetimeValueButNotInTheOutstandingBalance() {
        CustomerInvoice paidFirst = CustomerInvoice.paid(UUID.randomUUID(), CUSTOMER, "INV-1", "EUR", payment("200.00"));

        assertThat(CustomerBalances.of(List.of(paidFirst)))
                .containsExactly(new CurrencyBalance("EUR", new BigDecimal("0.00"), new BigDecimal("200.00")));
    }

    @Test
    void paymentBeforeIssueEndsInTheSameBalanceAsIssueBeforePayment() {
        UUID invoiceId = UUID.randomUUID();
        CustomerInvoice.Issue issue = new CustomerInvoice.Issue(new BigDecimal("99.99"), NOW, NOW);
        CustomerInvoice.Payment payment = payment("99.99");

        CustomerInvoice issueFirst = CustomerInvoice.issued(invoiceId, CUSTOMER, "INV-1", "EUR", issue)
                .withPayment(CUSTOMER, "EUR", payment).orElseThrow();
        CustomerInvoice paymentFirst = CustomerInvoice.paid(invoiceId, CUSTOMER, "INV-1", "EUR", payment)
                .withIssue(CUSTOMER, "EUR", issue).orElseThrow();

        assertThat(paymentFirst).isEqualTo(issueFirst);
        assertThat(CustomerBalances.of(List.of(paymentFirst))).isEqualTo(CustomerBalances.of(List.of(issueFirst)))
                .containsExactly(new CurrencyBalance("EUR", new BigDecimal("0.00"), new BigDecimal("99.99")));
    }

    @Test
    void outstandingIsTheSumOfIssuedMinusPaidOverTheInvoicesOfOneCurrency() {
        List<CustomerInvoice> invoices = List.of(
                issued("EUR", "100.00").withPayment(CUSTOMER, "EUR", payment("100.00")).orElseThrow(),
                issued("EUR", "250.50"),
                issued("EUR", "49.50"),
                CustomerInvoice.paid(UUID.randomUUID(), CUSTOMER, "INV-9", "EUR", payment("10.00")));

        assertThat(CustomerBalances.of(invoices))
                .containsExactly(new CurrencyBalance("EUR", new BigDecimal("300.00"), new BigDecimal("110.00")));
        assertThat(CustomerBalances.paymentCount(invoices)).isEqualTo(2);
    }

    @Test
    void currenciesAreKeptApartAndListedInOrder() {
        List<CustomerInvoice> invoices = List.of(
                issued("USD", "10.00"),
                issued("EUR", "20.00").withPayment(CUSTOMER, "EUR", payment("20.00")).orElseThrow(),
                issued("CHF", "5.00"),
                issued("USD", "1.25"));

        assertThat(CustomerBalances.of(invoices)).containsExactly(
                new CurrencyBalance("CHF", new BigDecimal("5.00"), new BigDecimal("0.00")),
                new CurrencyBalance("EUR", new BigDecimal("0.00"), new BigDecimal("20.00")),
                new CurrencyBalance("USD", new BigDecimal("11.25"), new BigDecimal("0.00")));
    }

    @Test
    void anOverpaidInvoiceIsANegativeOutstandingBalance() {
        CustomerInvoice overpaid = issued("EUR", "100.00").withPayment(CUSTOMER, "EUR", payment("120.00")).orElseThrow();

        assertThat(CustomerBalances.of(List.of(overpaid)))
                .containsExactly(new CurrencyBalance("EUR", new BigDecimal("-20.00"), new BigDecimal("120.00")));
    }

    @Test
    void amountsAreRoundedHalfUpToCents() {
        CustomerInvoice invoice = issued("EUR", "10.005").withPayment(CUSTOMER, "EUR", payment("3.334")).orElseThrow();

        assertThat(CustomerBalances.of(List.of(invoice)))
                .containsExactly(new CurrencyBalance("EUR", new BigDecimal("6.68"), new BigDecimal("3.33")));
    }

    @Test
    void aCustomerWithoutInvoicesHasNoBalances() {
        assertThat(CustomerBalances.of(List.of())).isEmpty();
        assertThat(CustomerBalances.paymentCount(List.of())).isZero();
    }

    static CustomerInvoice issued(String currency, String amount) {
        return CustomerInvoice.issued(UUID.randomUUID(), CUSTOMER, "INV-" + amount, currency,
                new CustomerInvoice.Issue(new BigDecimal(amount), NOW, NOW));
    }

    static CustomerInvoice.Payment payment(String amount) {
        return new CustomerInvoice.Payment(new BigDecimal(amount), "STRIPE", NOW, NOW);
    }
}
