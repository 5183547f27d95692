package io.collector.accounting.journal;

import io.collector.accounting.account.StandardChart;
import io.collector.events.EventType;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.PayrollProcessed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which entry each event posts. Lines of zero are left out; an event with nothing but zeros posts
 * nothing (empty). An event that can never be posted as it is throws {@link UnpostableEventException}.
 * <ul>
 * <li>{@code invoice.issued}: Dr Accounts receivable (grandTotal) / Cr Revenue (subtotal) / Cr Tax payable (taxTotal),
 *     refused unless subtotal + taxTotal = grandTotal;</li>
 * <li>{@code invoice.paid}: Dr Bank / Cr Accounts receivable (amount);</li>
 * <li>{@code payroll.processed}: Dr Salaries expense / Cr Payroll liabilities (totalAmount).</li>
 * </ul>
 * The business key (the entry's {@link EventSource#reference()}) is the invoice id, resp. the payroll id.
 */
public final class PostingRules {

    private PostingRules() {
    }

    public static Optional<JournalEntry> invoiceIssued(String tenantId, String eventId, Instant issuedAt,
                                                       InvoiceIssued invoice) {
        String what = "invoice " + invoice.invoiceNumber() + " (" + invoice.invoiceId() + ")";
        BigDecimal subtotal = amount(invoice.subtotal(), "subtotal", what);
        BigDecimal taxTotal = amount(invoice.taxTotal(), "taxTotal", what);
        BigDecimal grandTotal = amount(invoice.grandTotal(), "grandTotal", what);
        if (subtotal.add(taxTotal).compareTo(grandTotal) != 0) {
            throw new UnpostableEventException("The totals of " + what + " do not add up: subtotal "
                    + subtotal.toPlainString() + " + taxTotal " + taxTotal.toPlainString() + " = "
                    + subtotal.add(taxTotal).toPlainString() + ", but grandTotal is " + grandTotal.toPlainString());
        }
        String currency = invoice.currency();
        List<JournalLine> lines = new ArrayList<>(3);
        addDebit(lines, StandardChart.ACCOUNTS_RECEIVABLE, grandTotal, currency);
        addCredit(lines, StandardChart.REVENUE, subtotal, currency);
        addCredit(lines, StandardChart.TAX_PAYABLE, taxTotal, currency);
        return entry(tenantId, issuedAt, "Invoice " + invoice.invoiceNumber() + " issued to customer " + invoice.customerId(),
                new EventSource(eventId, EventType.INVOICE_ISSUED.wireName(), invoice.invoiceId().toString(),
                        invoice.invoiceNumber()), lines);
    }

    public static Optional<JournalEntry> invoicePaid(String tenantId, String eventId, InvoicePaid payment) {
        String what = "payment of invoice " + payment.invoiceNumber() + " (" + payment.invoiceId() + ")";
        BigDecimal amount = amount(payment.amount(), "amount", what);
        List<JournalLine> lines = new ArrayList<>(2);
        addDebit(lines, StandardChart.BANK, amount, payment.currency());
        addCredit(lines, StandardChart.ACCOUNTS_RECEIVABLE, amount, payment.currency());
        String description = "Payment of invoice " + payment.invoiceNumber()
                + (payment.paymentMethod() == null ? "" : " by " + payment.paymentMethod());
        return entry(tenantId, payment.paymentDate(), description,
                new EventSource(eventId, EventType.INVOICE_PAID.wireName(), payment.invoiceId().toString(),
                        payment.invoiceNumber()), lines);
    }

    public static Optional<JournalEntry> payrollProcessed(String tenantId, String eventId, PayrollProcessed payroll) {
        String what = "payroll " + payroll.payrollPeriod() + " (" + payroll.payrollId() + ")";
        BigDecimal total = amount(payroll.totalAmount(), "totalAmount", what);
        List<JournalLine> lines = new ArrayList<>(2);
        addDebit(lines, StandardChart.SALARIES_EXPENSE, total, payroll.currency());
        addCredit(lines, StandardChart.PAYROLL_LIABILITIES, total, payroll.currency());
        return entry(tenantId, payroll.processedAt(),
                "Payroll " + payroll.payrollPeriod() + " (" + payroll.employeeCount() + " employees)",
                new EventSource(eventId, EventType.PAYROLL_PROCESSED.wireName(), payroll.payrollId().toString(),
                        payroll.payrollPeriod()), lines);
    }

    private static Optional<JournalEntry> entry(String tenantId, Instant occurredAt, String description, EventSource source,
                                                List<JournalLine> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JournalEntry.draft(tenantId, occurredAt, description, source, lines));
    }

    private static void addDebit(List<JournalLine> lines, String account, BigDecimal amount, String currency) {
        if (amount.signum() > 0) {
            lines.add(JournalLine.debit(account, amount, currency));
        }
    }

    private static void addCredit(List<JournalLine> lines, String account, BigDecimal amount, String currency) {
        if (amount.signum() > 0) {
            lines.add(JournalLine.credit(account, amount, currency));
        }
    }

    private static BigDecimal amount(BigDecimal amount, String field, String what) {
        if (amount == null) {
            throw new UnpostableEventException("The " + field + " of " + what + " is missing");
        }
        if (!JournalLine.representable(amount)) {
            throw new UnpostableEventException("The " + field + " of " + what + ", " + amount.toPlainString()
                    + ", cannot be posted: amounts are 0 to " + JournalLine.MAX_AMOUNT.toPlainString() + " with at most "
                    + JournalLine.SCALE + " decimals");
        }
        return amount;
    }
}
