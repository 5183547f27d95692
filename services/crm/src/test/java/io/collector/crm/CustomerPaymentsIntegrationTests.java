package io.collector.crm;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** invoice.issued and invoice.paid through the broker: balances, lifetime value and payment history. */
class CustomerPaymentsIntegrationTests extends CrmIntegrationTest {

    private static final String INVOICE_PAID = EventType.INVOICE_PAID.wireName();

    @Test
    void issuedThenPaidInvoiceLeavesNothingOutstandingAndCountsInTheLifetimeValue() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "1500.00");

        deliver(tenant, invoice);
        awaitCustomer(tenant, customer, balanceIs("EUR", "1500.00", "0.00"));
        deliver(tenant, paid(invoice));

        JsonNode read = awaitCustomer(tenant, customer, balanceIs("EUR", "0.00", "1500.00"));
        assertThat(read.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(read.path("balances")).hasSize(1);
        JsonNode payments = payments(tenant, customer);
        assertThat(payments).hasSize(1);
        JsonNode payment = payments.get(0);
        assertThat(payment.path("invoiceId").asString()).isEqualTo(invoice.invoiceId().toString());
        assertThat(payment.path("invoiceNumber").asString()).isEqualTo(invoice.invoiceNumber());
        assertThat(payment.path("amount").asString()).isEqualTo("1500.00");
        assertThat(payment.path("currency").asString()).isEqualTo("EUR");
        assertThat(payment.path("paymentMethod").asString()).isEqualTo("STRIPE");
        assertThat(payment.path("paymentDate").asString()).isEqualTo("2024-01-16T10:00:00Z");
    }

    @Test
    void paidBeforeIssuedEndsInTheSameState() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "1500.00");

        deliver(tenant, paid(invoice));
        awaitCustomer(tenant, customer, balanceIs("EUR", "0.00", "1500.00"));
        awaitHandled(deliver(tenant, invoice));

        JsonNode read = customer(tenant, customer);
        assertThat(balance(read, "EUR")).containsExactly("0.00", "1500.00");
        assertThat(read.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(payments(tenant, customer)).hasSize(1);
        assertThat(jdbc.sql("select issued_amount from customer_invoices where tenant_id = :tenant and invoice_id = :invoice")
                .param("tenant", tenant).param("invoice", invoice.invoiceId()).query(BigDecimal.class).single())
                .as("the late issue was recorded").isEqualByComparingTo("1500.00");
    }

    @Test
    void theSameInvoicePaidDeliveredTwiceIsCountedOnce() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "1500.00");
        awaitHandled(deliver(tenant, invoice));
        EventEnvelope<InvoicePaid> payment = deliver(tenant, paid(invoice));
        awaitCustomer(tenant, customer, balanceIs("EUR", "0.00", "1500.00"));
        double duplicatesBefore = duplicates(INVOICE_PAID);

        redeliver(payment);

        await().atMost(WAIT).until(() -> duplicates(INVOICE_PAID) > duplicatesBefore);
        JsonNode read = customer(tenant, customer);
        assertThat(balance(read, "EUR")).containsExactly("0.00", "1500.00");
        assertThat(read.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(payments(tenant, customer)).hasSize(1);
    }

    @Test
    void aPaymentRepublishedUnderANewEventIdIsStillCountedOnce() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "1500.00");
        awaitHandled(deliver(tenant, invoice));
        awaitHandled(deliver(tenant, paid(invoice)));

        EventEnvelope<InvoicePaid> republished = deliver(tenant, paid(invoice));
        awaitHandled(republished);
        awaitHandled(deliver(tenant, invoice));

        JsonNode read = customer(tenant, customer);
        assertThat(balance(read, "EUR")).containsExactly("0.00", "1500.00");
        assertThat(read.path("paymentCount").asInt()).isEqualTo(1);
        assertThat(payments(tenant, customer)).hasSize(1);
    }

    @Test
    void balancesAreKeptPerCurrencyAndUnpaidInvoicesAreOutstanding() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued euroPaid = issued(customer, "EUR", "100.00");
        InvoiceIssued euroOpen = issued(customer, "EUR", "250.50");
        InvoiceIssued dollars = issued(customer, "USD", "80.00");

        deliver(tenant, euroPaid);
        deliver(tenant, euroOpen);
        deliver(tenant, dollars);
        deliver(tenant, paid(euroPaid));
        deliver(tenant, paid(dollars));

        JsonNode read = awaitCustomer(tenant, customer,
                balanceIs("EUR", "250.50", "100.00").and(balanceIs("USD", "0.00", "80.00")));
        assertThat(read.path("balances")).hasSize(2);
        assertThat(read.path("balances").get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(read.path("paymentCount").asInt()).isEqualTo(2);
        assertThat(payments(tenant, customer)).hasSize(2);
    }

    @Test
    void anEventForACustomerCrmDoesNotKnowCreatesAPlaceholderCustomer() {
        String tenant = newTenant();
        UUID stranger = UUID.randomUUID();
        InvoiceIssued invoice = issued(stranger, "EUR", "42.00");

        deliver(tenant, paid(invoice));

        JsonNode placeholder = awaitCustomer(tenant, stranger, balanceIs("EUR", "0.00", "42.00"));
        assertThat(placeholder.path("known").asBoolean()).isFalse();
        assertThat(placeholder.path("name").asString()).isEqualTo("Unknown customer " + stranger);
        assertThat(placeholder.path("addresses")).isEmpty();
        assertThat(payments(tenant, stranger)).hasSize(1);
        awaitHandled(deliver(tenant, invoice));
        assertThat(balance(customer(tenant, stranger), "EUR")).containsExactly("0.00", "42.00");
        assertThat(count("customers", tenant)).isEqualTo(1);
    }

    @Test
    void aPaymentInAnotherCurrencyThanItsInvoiceIsDeadLetteredAndChangesNothing() {
        String tenant = newTenant();
        UUID customer = createCustomer(tenant, "ACME");
        InvoiceIssued invoice = issued(customer, "EUR", "1500.00");
        awaitHandled(deliver(tenant, invoice));
        InvoicePaid inDollars = new InvoicePaid(invoice.invoiceId(), invoice.invoiceNumber(), customer,
                new BigDecimal("1500.00"), null, PAID_AT, "USD");

        EventEnvelope<InvoicePaid> event = deliver(tenant, inDollars);

        Message dead = awaitDeadLettered(INVOICE_PAID, event);
        assertThat(dead.getMessageProperties().<String>getHeader("x-dead-letter-reason")).isEqualTo("PERMANENT_FAILURE");
        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("is in USD but CRM recorded it in EUR");
        JsonNode read = customer(tenant, customer);
        assertThat(read.path("balances")).hasSize(1);
        assertThat(balance(read, "EUR")).containsExactly("1500.00", "0.00");
        assertThat(payments(tenant, customer)).isEmpty();
    }
}
