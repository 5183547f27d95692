package io.collector.invoices.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class InvoiceRepository {

    private static final String COLUMNS = """
            id, tenant_id, invoice_number, status, customer_id, order_id, order_number, delivery_note_id, delivery_number,
            currency, tax_percent, payment_terms_days, subtotal, tax_total, grand_total, created_at, issued_at, due_date,
            paid_at""";

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForDeliveryNote(String tenantId, UUID deliveryNoteId) {
        return jdbc.sql("select count(*) from invoices where tenant_id = ? and delivery_note_id = ?")
                .params(tenantId, deliveryNoteId).query(Long.class).single() > 0;
    }

    /**
     * Inserts the invoice and its lines; false (and nothing written) when its delivery note already
     * has one. A concurrent insert of the same note waits for the other transaction and then finds it.
     */
    boolean insert(Invoice invoice) {
        int inserted = jdbc.sql("""
                        insert into invoices (id, tenant_id, invoice_number, status, customer_id, order_id, order_number,
                                              delivery_note_id, delivery_number, currency, tax_percent, payment_terms_days,
                                              subtotal, tax_total, grand_total, paid_total, created_at, issued_at, due_date, paid_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, delivery_note_id) do nothing""")
                .params(invoice.id(), invoice.tenantId(), invoice.invoiceNumber(), invoice.status().name(),
                        invoice.customerId(), invoice.orderId(), invoice.orderNumber(), invoice.deliveryNoteId(),
                        invoice.deliveryNumber(), invoice.currency(), invoice.taxPercent(), invoice.paymentTermsDays(),
                        invoice.totals().subtotal(), invoice.totals().taxTotal(), invoice.totals().grandTotal(),
                        invoice.paidTotal(), timestamp(invoice.createdAt()), timestamp(invoice.issuedAt()),
                        timestamp(invoice.dueDate()), timestamp(invoice.paidAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (Invoice.Line line : invoice.lines()) {
            jdbc.sql("""
                            insert into invoice_lines (tenant_id, invoice_id, line_no, product_id, sku, description, quantity,
                                                       unit_price, total)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(invoice.tenantId(), invoice.id(), line.lineNo(), line.productId(), line.sku(),
                            line.description(), line.quantity(), line.unitPrice(), line.total())
                    .update();
        }
        return true;
    }

    Optional<Invoice> find(String tenantId, UUID id) {
        return findOne(tenantId, id, "");
    }

    /** The invoice, its row locked until the transaction ends: issuing and paying one invoice queue up. */
    Optional<Invoice> findForUpdate(String tenantId, UUID id) {
        return findOne(tenantId, id, " for update");
    }

    /** Newest first; each filter applies when given. */
    List<Invoice> findAll(String tenantId, InvoiceStatus status, UUID customerId, UUID orderId, UUID deliveryNoteId,
                          int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from invoices where tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (customerId != null) {
            sql.append(" and customer_id = :customerId");
            params.put("customerId", customerId);
        }
        if (orderId != null) {
            sql.append(" and order_id = :orderId");
            params.put("orderId", orderId);
        }
        if (deliveryNoteId != null) {
            sql.append(" and delivery_note_id = :deliveryNoteId");
            params.put("deliveryNoteId", deliveryNoteId);
        }
        sql.append(" order by created_at desc, id limit :limit");
        params.put("limit", limit);
        return withDetails(tenantId, jdbc.sql(sql.toString()).params(params).query(InvoiceRepository::row).list());
    }

    /** Stores a status change: number, dates, paid total. */
    void update(Invoice invoice) {
        jdbc.sql("""
                        update invoices set status = ?, invoice_number = ?, issued_at = ?, due_date = ?, paid_total = ?, paid_at = ?
                        where tenant_id = ? and id = ?""")
                .params(invoice.status().name(), invoice.invoiceNumber(), timestamp(invoice.issuedAt()),
                        timestamp(invoice.dueDate()), invoice.paidTotal(), timestamp(invoice.paidAt()),
                        invoice.tenantId(), invoice.id())
                .update();
    }

    void insertPayment(Invoice invoice, Invoice.Payment payment) {
        jdbc.sql("""
                        insert into payments (id, tenant_id, invoice_id, amount, payment_method, payment_date, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(payment.id(), invoice.tenantId(), invoice.id(), payment.amount(), payment.paymentMethod(),
                        timestamp(payment.paymentDate()), timestamp(payment.recordedAt()))
                .update();
    }

    private Optional<Invoice> findOne(String tenantId, UUID id, String lock) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from invoices where tenant_id = ? and id = ?" + lock)
                .params(tenantId, id).query(InvoiceRepository::row).list();
        return withDetails(tenantId, rows).stream().findFirst();
    }

    /** Loads the lines and payments of all {@code rows} in two queries, not two per invoice. */
    private List<Invoice> withDetails(String tenantId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Invoice.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, line_no, product_id, sku, description, quantity, unit_price, total from invoice_lines
                        where tenant_id = :tenant and invoice_id in (:ids) order by invoice_id, line_no""")
                .param("tenant", tenantId).param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("invoice_id", UUID.class), k -> new ArrayList<>())
                            .add(new Invoice.Line(rs.getInt("line_no"), rs.getObject("product_id", UUID.class),
                                    rs.getString("sku"), rs.getString("description"), rs.getBigDecimal("quantity"),
                                    rs.getBigDecimal("unit_price"), rs.getBigDecimal("total")));
                });
        Map<UUID, List<Invoice.Payment>> payments = new HashMap<>();
        jdbc.sql("""
                        select invoice_id, id, amount, payment_method, payment_date, recorded_at from payments
                        where tenant_id = :tenant and invoice_id in (:ids) order by invoice_id, recorded_at, id""")
                .param("tenant", tenantId).param("ids", ids)
                .query(rs -> {
                    payments.computeIfAbsent(rs.getObject("invoice_id", UUID.class), k -> new ArrayList<>())
                            .add(new Invoice.Payment(rs.getObject("id", UUID.class), rs.getBigDecimal("amount"),
                                    rs.getString("payment_method"), instant(rs, "payment_date"), instant(rs, "recorded_at")));
                });
        return rows.stream().map(r -> new Invoice(r.id, r.tenantId, r.invoiceNumber, r.status, r.customerId, r.orderId,
                r.orderNumber, r.deliveryNoteId, r.deliveryNumber, r.currency, r.taxPercent, r.paymentTermsDays,
                lines.getOrDefault(r.id, List.of()), r.totals, payments.getOrDefault(r.id, List.of()), r.createdAt,
                r.issuedAt, r.dueDate, r.paidAt)).toList();
    }

    private record Row(UUID id, String tenantId, String invoiceNumber, InvoiceStatus status, UUID customerId, UUID orderId,
                       String orderNumber, UUID deliveryNoteId, String deliveryNumber, String currency,
                       BigDecimal taxPercent, int paymentTermsDays, InvoiceTotals totals, Instant createdAt,
                       Instant issuedAt, Instant dueDate, Instant paidAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        BigDecimal taxPercent = rs.getBigDecimal("tax_percent").stripTrailingZeros();
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("invoice_number"),
                InvoiceStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                rs.getObject("delivery_note_id", UUID.class), rs.getString("delivery_number"), rs.getString("currency"),
                taxPercent.scale() < 0 ? taxPercent.setScale(0) : taxPercent, rs.getInt("payment_terms_days"),
                new InvoiceTotals(rs.getBigDecimal("subtotal"), rs.getBigDecimal("tax_total"), rs.getBigDecimal("grand_total")),
                instant(rs, "created_at"), instant(rs, "issued_at"), instant(rs, "due_date"), instant(rs, "paid_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
