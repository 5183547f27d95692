package io.collector.invoices.invoice;

import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.invoices.order.OrderLine;
import io.collector.invoices.order.OrderProjection;
import io.collector.invoices.settings.InvoiceSettings;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invoice's status machine and payment rules. */
class InvoiceTests {

    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    final UUID customer = UUID.randomUUID();
    final UUID bolts = UUID.randomUUID();
    final UUID nuts = UUID.randomUUID();
    final OrderProjection order = new OrderProjection(UUID.randomUUID(), "ORD-2026-007", customer, "EUR",
            new BigDecimal("1501.01"), List.of(
                    new OrderLine(1, bolts, "SKU-B", "Bolts", 5, new BigDecimal("300.00")),
                    new OrderLine(2, nuts, null, "Nuts", 3, new BigDecimal("0.335"))));
    final DeliveryConfirmed delivery = new DeliveryConfirmed(UUID.randomUUID(), "DN-2026-003", order.orderId(), customer, null);

    Invoice draft(String taxPercent, int termsDays) {
        return Invoice.draft("t1", delivery, order, new InvoiceSettings(new BigDecimal(taxPercent), termsDays, false), NOW);
    }

    static Supplier<String> number(String number) {
        return () -> number;
    }

    static Invoice.Payment payment(String amount, String method, Instant date) {
        return new Invoice.Payment(UUID.randomUUID(), new BigDecimal(amount), method, date, NOW.plusSeconds(60));
    }

    Invoice issued(String taxPercent) {
        Invoice invoice = draft(taxPercent, 30);
        invoice.issue(number("INV-2026-001"), NOW);
        return invoice;
    }

    @Test
    void draftBillsTheOrdersLinesAtTheTenantsTaxRate() {
        Invoice invoice = draft("20", 14);

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.invoiceNumber()).isNull();
        assertThat(invoice.customerId()).isEqualTo(customer);
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.deliveryNoteId()).isEqualTo(delivery.deliveryNoteId());
        assertThat(invoice.lines()).containsExactly(
                new Invoice.Line(1, bolts, "SKU-B", "Bolts", new BigDecimal("5"), new BigDecimal("300.00"), new BigDecimal("1500.00")),
                new Invoice.Line(2, nuts, null, "Nuts", new BigDecimal("3"), new BigDecimal("0.335"), new BigDecimal("1.01")));
        assertThat(invoice.totals()).isEqualTo(new InvoiceTotals(new BigDecimal("1501.01"), new BigDecimal("300.20"),
                new BigDecimal("1801.21")));
        assertThat(invoice.taxPercent()).isEqualTo(new BigDecimal("20"));
        assertThat(invoice.paymentTermsDays()).isEqualTo(14);
        assertThat(invoice.outstanding()).isEqualTo(new BigDecimal("1801.21"));
        assertThat(invoice.dueDate()).isNull();
    }

    @Test
    void draftThatCouldNotBeStoredIsNotPossible() {
        OrderProjection huge = new OrderProjection(order.orderId(), "ORD-1", customer, "EUR", BigDecimal.ONE,
                List.of(new OrderLine(1, bolts, null, "Bolts", Integer.MAX_VALUE, new BigDecimal("99999999999999.00"))));

        assertThatThrownBy(() -> Invoice.draft("t1", delivery, huge, InvoiceSettings.DEFAULTS, NOW))
                .isInstanceOf(InvoiceNotPossible.class);
    }

    @Test
    void issuingGivesTheNumberAndTheDueDateAndAnnouncesTotalsThatAddUp() {
        Invoice invoice = draft("20", 14);

        InvoiceIssued issued = invoice.issue(number("INV-2026-001"), NOW);

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.invoiceNumber()).isEqualTo("INV-2026-001");
        assertThat(invoice.issuedAt()).isEqualTo(NOW);
        assertThat(invoice.dueDate()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(issued.invoiceNumber()).isEqualTo("INV-2026-001");
        assertThat(issued.dueDate()).isEqualTo(invoice.dueDate());
        assertThat(issued.subtotal().add(issued.taxTotal())).isEqualTo(issued.grandTotal()).isEqualTo(new BigDecimal("1801.21"));
        assertThat(issued.lineItems()).containsExactly(
                new InvoiceIssued.LineItem("Bolts", new BigDecimal("5"), new BigDecimal("300.00"), new BigDecimal("1500.00")),
                new InvoiceIssued.LineItem("Nuts", new BigDecimal("3"), new BigDecimal("0.335"), new BigDecimal("1.01")));
        assertThat(issued.lineItems().stream().map(InvoiceIssued.LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(issued.subtotal());
        assertThat(issued.orderId()).isEqualTo(order.orderId());
        assertThat(issued.deliveryNoteId()).isEqualTo(delivery.deliveryNoteId());
    }

    @Test
    void anInvoiceIsIssuedOnceAndARefusedIssueUsesUpNoNumber() {
        Invoice invoice = issued("0");
        AtomicInteger numbersTaken = new AtomicInteger();

        assertThatThrownBy(() -> invoice.issue(() -> "INV-2026-00" + numbersTaken.incrementAndGet(), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ISSUED");
        assertThat(numbersTaken).hasValue(0);
        assertThat(invoice.invoiceNumber()).isEqualTo("INV-2026-001");
    }

    @Test
    void aDraftTakesNoPayment() {
        Invoice invoice = draft("0", 30);

        assertThatThrownBy(() -> invoice.pay(payment("10.00", null, NOW))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DRAFT");
        assertThat(invoice.payments()).isEmpty();
    }

    @Test
    void partialPaymentsKeepItIssuedAndTheOneThatSettlesItMakesItPaid() {
        Invoice invoice = issued("20");   // 1801.21
        Instant firstDate = NOW.plus(Duration.ofDays(1));
        Instant lastDate = NOW.plus(Duration.ofDays(2));

        Optional<InvoicePaid> first = invoice.pay(payment("1000", "BANK", firstDate));

        assertThat(first).isEmpty();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.paidTotal()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(invoice.outstanding()).isEqualTo(new BigDecimal("801.21"));

        Optional<InvoicePaid> last = invoice.pay(payment("801.21", "STRIPE", lastDate));

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.outstanding()).isEqualByComparingTo("0");
        assertThat(invoice.paidAt()).isNotNull();
        assertThat(last).contains(new InvoicePaid(invoice.id(), "INV-2026-001", customer, new BigDecimal("1801.21"),
                "STRIPE", lastDate, "EUR"));
        assertThat(invoice.payments()).extracting(Invoice.Payment::amount)
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("801.21"));
    }

    @Test
    void overpaymentIsRefusedAndRecordsNothing() {
        Invoice invoice = issued("0");   // 1501.01
        invoice.pay(payment("1500.00", null, NOW));

        assertThatThrownBy(() -> invoice.pay(payment("1.02", null, NOW))).isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("1.01");
        assertThat(invoice.payments()).hasSize(1);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aPaidInvoiceTakesNoMorePayments() {
        Invoice invoice = issued("0");
        assertThat(invoice.pay(payment("1501.01", null, NOW))).isPresent();

        assertThatThrownBy(() -> invoice.pay(payment("0.01", null, NOW))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("PAID");
        assertThatThrownBy(() -> invoice.issue(number("INV-2026-002"), NOW)).isInstanceOf(ConflictException.class);
        assertThat(invoice.payments()).hasSize(1);
    }

    @Test
    void paymentAmountsArePositiveWholeCents() {
        Invoice invoice = issued("0");

        assertThatThrownBy(() -> invoice.pay(payment("0", null, NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice.pay(payment("-1.00", null, NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice.pay(payment("1.005", null, NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThat(invoice.payments()).isEmpty();
    }

    @Test
    void statusMachineMovesOnlyForward() {
        assertThat(InvoiceStatus.DRAFT.canIssue()).isTrue();
        assertThat(InvoiceStatus.ISSUED.canIssue()).isFalse();
        assertThat(InvoiceStatus.PAID.canIssue()).isFalse();
        assertThat(InvoiceStatus.DRAFT.canTakePayment()).isFalse();
        assertThat(InvoiceStatus.ISSUED.canTakePayment()).isTrue();
        assertThat(InvoiceStatus.PAID.canTakePayment()).isFalse();
    }
}
