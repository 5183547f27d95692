package io.collector.accounting.journal;

import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.PayrollProcessed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingRulesTests {

    private static final Instant ISSUED_AT = Instant.parse("2024-01-15T14:30:00Z");

    static InvoiceIssued invoice(String currency, String subtotal, String taxTotal, String grandTotal) {
        return new InvoiceIssued(UUID.randomUUID(), "INV-2024-001", UUID.randomUUID(), null, null, currency,
                new BigDecimal(subtotal), new BigDecimal(taxTotal), new BigDecimal(grandTotal),
                Instant.parse("2024-02-15T14:30:00Z"),
                List.of(new InvoiceIssued.LineItem("Product", new BigDecimal("5"), new BigDecimal("250.00"), new BigDecimal(subtotal))));
    }

    private static String line(JournalLine line) {
        return (line.isDebit() ? "Dr " + line.accountCode() + " " + line.debit() : "Cr " + line.accountCode() + " " + line.credit())
                + " " + line.currency();
    }

    @Test
    void invoiceIssuedDebitsReceivablesAndCreditsRevenueAndTax() {
        InvoiceIssued invoice = invoice("USD", "1250.00", "250.00", "1500.00");

        JournalEntry entry = PostingRules.invoiceIssued("t", "event-1", ISSUED_AT, invoice).orElseThrow();

        assertThat(entry.lines()).extracting(PostingRulesTests::line)
                .containsExactly("Dr 1200 1500.00 USD", "Cr 4000 1250.00 USD", "Cr 2100 250.00 USD");
        assertThat(entry.source()).isEqualTo(new EventSource("event-1", "invoice.issued", invoice.invoiceId().toString(),
                "INV-2024-001"));
        assertThat(entry.occurredAt()).isEqualTo(ISSUED_AT);
        assertThat(entry.tenantId()).isEqualTo("t");
        assertThat(entry.description()).contains("INV-2024-001");
    }

    @Test
    void invoiceWithoutTaxHasNoTaxLine() {
        JournalEntry entry = PostingRules.invoiceIssued("t", "e", ISSUED_AT, invoice("EUR", "99.90", "0.00", "99.90"))
                .orElseThrow();

        assertThat(entry.lines()).extracting(PostingRulesTests::line).containsExactly("Dr 1200 99.90 EUR", "Cr 4000 99.90 EUR");
    }

    @Test
    void invoiceWhoseTotalsDoNotAddUpCannotBePosted() {
        assertThatThrownBy(() -> PostingRules.invoiceIssued("t", "e", ISSUED_AT, invoice("USD", "1250.00", "250.00", "1400.00")))
                .isInstanceOf(UnpostableEventException.class)
                .hasMessageContaining("INV-2024-001")
                .hasMessageContaining("subtotal 1250.00 + taxTotal 250.00 = 1500.00, but grandTotal is 1400.00");
    }

    @Test
    void amountsWithMoreThanTwoDecimalsCannotBePosted() {
        assertThatThrownBy(() -> PostingRules.invoiceIssued("t", "e", ISSUED_AT, invoice("USD", "10.005", "0.005", "10.01")))
                .isInstanceOf(UnpostableEventException.class).hasMessageContaining("subtotal");
    }

    @Test
    void invoiceOfZeroPostsNothing() {
        assertThat(PostingRules.invoiceIssued("t", "e", ISSUED_AT, invoice("USD", "0.00", "0.00", "0.00"))).isEmpty();
    }

    @Test
    void invoicePaidDebitsBankAndCreditsReceivables() {
        InvoicePaid payment = new InvoicePaid(UUID.randomUUID(), "INV-2024-001", UUID.randomUUID(), new BigDecimal("1500.00"),
                "STRIPE", Instant.parse("2024-01-16T10:00:00Z"), "USD");

        JournalEntry entry = PostingRules.invoicePaid("t", "event-2", payment).orElseThrow();

        assertThat(entry.lines()).extracting(PostingRulesTests::line).containsExactly("Dr 1000 1500.00 USD", "Cr 1200 1500.00 USD");
        assertThat(entry.source()).isEqualTo(new EventSource("event-2", "invoice.paid", payment.invoiceId().toString(),
                "INV-2024-001"));
        assertThat(entry.occurredAt()).isEqualTo(payment.paymentDate());
        assertThat(entry.description()).isEqualTo("Payment of invoice INV-2024-001 by STRIPE");
    }

    @Test
    void payrollProcessedDebitsSalariesAndCreditsPayrollLiabilities() {
        PayrollProcessed payroll = new PayrollProcessed(UUID.randomUUID(), "2024-01", new BigDecimal("50000.00"), "USD", 25,
                Instant.parse("2024-01-31T18:00:00Z"));

        JournalEntry entry = PostingRules.payrollProcessed("t", "event-3", payroll).orElseThrow();

        assertThat(entry.lines()).extracting(PostingRulesTests::line)
                .containsExactly("Dr 6000 50000.00 USD", "Cr 2300 50000.00 USD");
        assertThat(entry.source()).isEqualTo(new EventSource("event-3", "payroll.processed", payroll.payrollId().toString(),
                "2024-01"));
        assertThat(entry.description()).isEqualTo("Payroll 2024-01 (25 employees)");
    }
}
