package io.collector.crm.customer;

import io.collector.crm.customer.CustomerInvoice.InconsistentInvoiceEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerInvoiceTests {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2024-01-16T10:00:00Z");

    @Test
    void aPaymentCompletesAnIssuedInvoice() {
        CustomerInvoice issued = issued();

        CustomerInvoice paid = issued.withPayment(CUSTOMER, "EUR", payment("1500.00")).orElseThrow();

        assertThat(paid.issue()).isEqualTo(issued.issue());
        assertThat(paid.isPaid()).isTrue();
        assertThat(paid.outstanding()).isEqualByComparingTo("0");
    }

    @Test
    void anIssueCompletesAnInvoicePaidFirst() {
        CustomerInvoice paidFirst = CustomerInvoice.paid(UUID.randomUUID(), CUSTOMER, "INV-1", "EUR", payment("1500.00"));
        assertThat(paidFirst.outstanding()).isEqualByComparingTo("0");

        CustomerInvoice complete = paidFirst.withIssue(CUSTOMER, "EUR", issue("1500.00")).orElseThrow();

        assertThat(complete.payment()).isEqualTo(paidFirst.payment());
        assertThat(complete.issue().amount()).isEqualByComparingTo("1500.00");
    }

    @Test
    void anInvoiceIsPaidOnlyOnceWhateverTheSecondCopySays() {
        CustomerInvoice paid = issued().withPayment(CUSTOMER, "EUR", payment("1500.00")).orElseThrow();

        assertThat(paid.withPayment(CUSTOMER, "EUR", payment("1500.00"))).isEmpty();
        assertThat(paid.withPayment(CUSTOMER, "EUR", payment("700.00"))).isEmpty();
    }

    @Test
    void anInvoiceIsIssuedOnlyOnce() {
        CustomerInvoice issued = issued();

        assertThat(issued.withIssue(CUSTOMER, "EUR", issue("1500.00"))).isEmpty();
    }

    @Test
    void eventsOfOneInvoiceNamingAnotherCustomerOrCurrencyAreInconsistent() {
        CustomerInvoice issued = issued();

        assertThatThrownBy(() -> issued.withPayment(UUID.randomUUID(), "EUR", payment("1500.00")))
                .isInstanceOf(InconsistentInvoiceEvent.class).hasMessageContaining("names customer");
        assertThatThrownBy(() -> issued.withPayment(CUSTOMER, "USD", payment("1500.00")))
                .isInstanceOf(InconsistentInvoiceEvent.class).hasMessageContaining("is in USD but CRM recorded it in EUR");
    }

    @Test
    void anInvoiceIsKnownFromAtLeastOneOfItsEvents() {
        assertThatThrownBy(() -> new CustomerInvoice(UUID.randomUUID(), CUSTOMER, "INV-1", "EUR", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CustomerInvoice issued() {
        return CustomerInvoice.issued(UUID.randomUUID(), CUSTOMER, "INV-1", "EUR", issue("1500.00"));
    }

    private static CustomerInvoice.Issue issue(String amount) {
        return new CustomerInvoice.Issue(new BigDecimal(amount), NOW, NOW);
    }

    private static CustomerInvoice.Payment payment(String amount) {
        return new CustomerInvoice.Payment(new BigDecimal(amount), null, NOW, NOW);
    }
}
