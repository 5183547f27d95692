package io.collector.crm.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class CustomerInvoiceRepository {

    private static final String COLUMNS = """
            invoice_id, customer_id, invoice_number, currency, issued_amount, due_date, issued_at,
            paid_amount, payment_method, payment_date, paid_at""";

    private final JdbcClient jdbc;

    CustomerInvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the invoice unless the tenant already has one with its id; true if inserted. A
     * concurrent insert of the same invoice (its other event, on the other queue) makes this wait
     * for that transaction and then insert nothing.
     */
    boolean insertIfAbsent(String tenantId, CustomerInvoice invoice) {
        return jdbc.sql("insert into customer_invoices (tenant_id, " + COLUMNS + ")" + """
                        values (:tenant, :invoice, :customer, :number, :currency, :issuedAmount, :dueDate, :issuedAt,
                                :paidAmount, :paymentMethod, :paymentDate, :paidAt)
                        on conflict (tenant_id, invoice_id) do nothing""")
                .param("tenant", tenantId)
                .param("invoice", invoice.invoiceId())
                .param("customer", invoice.customerId())
                .param("number", invoice.invoiceNumber())
                .param("currency", invoice.currency())
                .param("issuedAmount", invoice.issue() == null ? null : invoice.issue().amount())
                .param("dueDate", invoice.issue() == null ? null : timestamp(invoice.issue().dueDate()))
                .param("issuedAt", invoice.issue() == null ? null : timestamp(invoice.issue().recordedAt()))
                .param("paidAmount", invoice.payment() == null ? null : invoice.payment().amount())
                .param("paymentMethod", invoice.payment() == null ? null : invoice.payment().method())
                .param("paymentDate", invoice.payment() == null ? null : timestamp(invoice.payment().date()))
                .param("paidAt", invoice.payment() == null ? null : timestamp(invoice.payment().recordedAt()))
                .update() == 1;
    }

    /** The invoice, locked until the transaction ends. */
    Optional<CustomerInvoice> lock(String tenantId, UUID invoiceId) {
        return jdbc.sql("select " + COLUMNS + " from customer_invoices where tenant_id = :tenant and invoice_id = :invoice for update")
                .param("tenant", tenantId)
                .param("invoice", invoiceId)
                .query(CustomerInvoiceRepository::map)
                .optional();
    }

    /** Writes both sides of a (locked) invoice. */
    void update(String tenantId, CustomerInvoice invoice) {
        jdbc.sql("""
                        update customer_invoices set issued_amount = :issuedAmount, due_date = :dueDate, issued_at = :issuedAt,
                               paid_amount = :paidAmount, payment_method = :paymentMethod, payment_date = :paymentDate,
                               paid_at = :paidAt
                        where tenant_id = :tenant and invoice_id = :invoice""")
                .param("tenant", tenantId)
                .param("invoice", invoice.invoiceId())
                .param("issuedAmount", invoice.issue() == null ? null : invoice.issue().amount())
                .param("dueDate", invoice.issue() == null ? null : timestamp(invoice.issue().dueDate()))
                .param("issuedAt", invoice.issue() == null ? null : timestamp(invoice.issue().recordedAt()))
                .param("paidAmount", invoice.payment() == null ? null : invoice.payment().amount())
                .param("paymentMethod", invoice.payment() == null ? null : invoice.payment().method())
                .param("paymentDate", invoice.payment() == null ? null : timestamp(invoice.payment().date()))
                .param("paidAt", invoice.payment() == null ? null : timestamp(invoice.payment().recordedAt()))
                .update();
    }

    /** Every invoice of each of the customers (absent customers have none). */
    Map<UUID, List<CustomerInvoice>> findByCustomers(String tenantId, Collection<UUID> customerIds) {
        Map<UUID, List<CustomerInvoice>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("select " + COLUMNS + " from customer_invoices where tenant_id = :tenant and customer_id in (:customers)")
                .param("tenant", tenantId)
                .param("customers", List.copyOf(customerIds))
                .query(CustomerInvoiceRepository::map)
                .list()
                .forEach(invoice -> byCustomer.computeIfAbsent(invoice.customerId(), id -> new ArrayList<>()).add(invoice));
        return byCustomer;
    }

    /** The customer's paid invoices, the latest payment first. */
    List<CustomerInvoice> findPaid(String tenantId, UUID customerId) {
        return jdbc.sql("select " + COLUMNS + """
                         from customer_invoices
                        where tenant_id = :tenant and customer_id = :customer and paid_amount is not null
                        order by payment_date desc, invoice_number, invoice_id""")
                .param("tenant", tenantId)
                .param("customer", customerId)
                .query(CustomerInvoiceRepository::map)
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static CustomerInvoice map(ResultSet rs, int row) throws SQLException {
        CustomerInvoice.Issue issue = rs.getBigDecimal("issued_amount") == null ? null
                : new CustomerInvoice.Issue(rs.getBigDecimal("issued_amount"), instant(rs, "due_date"), instant(rs, "issued_at"));
        CustomerInvoice.Payment payment = rs.getBigDecimal("paid_amount") == null ? null
                : new CustomerInvoice.Payment(rs.getBigDecimal("paid_amount"), rs.getString("payment_method"),
                        instant(rs, "payment_date"), instant(rs, "paid_at"));
        return new CustomerInvoice(rs.getObject("invoice_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("invoice_number"), rs.getString("currency"), issue, payment);
    }
}
