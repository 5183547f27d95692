package io.collector.procurement.purchaseorder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
class PurchaseOrderRepository {

    private static final String COLUMNS = """
            po.id, po.tenant_id, po.po_number, po.supplier_id, po.status, po.created_at, po.approved_at, po.received_at,
            po.cancelled_at""";

    private final JdbcClient jdbc;

    PurchaseOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes the reorders of one tenant until the transaction ends, so that "is a line already
     * open?" and "is there a draft to add it to?" stay true until this transaction has acted on them.
     */
    void lockReordersOf(String tenantId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) locked")
                .param("procurement.reorder:" + tenantId).query(Integer.class).single();
    }

    /** The open (DRAFT or APPROVED) order holding the open line of the product and warehouse, locked. */
    Optional<PurchaseOrder> findWithOpenLineForUpdate(String tenantId, UUID productId, UUID warehouseId) {
        return first(tenantId, jdbc.sql("select " + COLUMNS + """
                         from purchase_orders po
                        join purchase_order_lines l on l.purchase_order_id = po.id and l.tenant_id = po.tenant_id
                        where po.tenant_id = ? and l.product_id = ? and l.warehouse_id = ? and l.open
                        for update of po""")
                .params(tenantId, productId, warehouseId));
    }

    /** The tenant's DRAFT for the supplier (null: the draft without supplier), locked. */
    Optional<PurchaseOrder> findDraftForUpdate(String tenantId, UUID supplierId) {
        return first(tenantId, jdbc.sql("select " + COLUMNS + """
                         from purchase_orders po
                        where po.tenant_id = ? and po.status = 'DRAFT' and po.supplier_id is not distinct from ?::uuid
                        for update""")
                .params(tenantId, supplierId));
    }

    Optional<PurchaseOrder> find(String tenantId, UUID id) {
        return first(tenantId, jdbc.sql("select " + COLUMNS + " from purchase_orders po where po.tenant_id = ? and po.id = ?")
                .params(tenantId, id));
    }

    /** The order, its row locked until the transaction ends: status changes of one order queue up. */
    Optional<PurchaseOrder> findForUpdate(String tenantId, UUID id) {
        return first(tenantId, jdbc.sql("select " + COLUMNS + " from purchase_orders po where po.tenant_id = ? and po.id = ? for update")
                .params(tenantId, id));
    }

    /** Newest first. */
    List<PurchaseOrder> findAll(String tenantId, PurchaseOrderStatus status, int limit) {
        String filter = status == null ? "" : " and po.status = :status";
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from purchase_orders po where po.tenant_id = :tenant"
                        + filter + " order by po.created_at desc, po.po_number desc limit :limit")
                .param("tenant", tenantId).param("limit", limit);
        if (status != null) {
            query = query.param("status", status.name());
        }
        return withLines(tenantId, query.query(PurchaseOrderRepository::row).list());
    }

    void insert(PurchaseOrder order) {
        jdbc.sql("""
                        insert into purchase_orders (id, tenant_id, po_number, supplier_id, status, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.tenantId(), order.poNumber(), order.supplierId(), order.status().name(),
                        timestamp(order.createdAt()))
                .update();
    }

    /** False (nothing written) when the tenant already has an open line for the product and warehouse. */
    boolean insertLine(PurchaseOrder order, PurchaseOrderLine line, Instant now) {
        return jdbc.sql("""
                        insert into purchase_order_lines (id, tenant_id, purchase_order_id, line_no, product_id, product_name, sku,
                                                          warehouse_id, warehouse_name, quantity, open, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)
                        on conflict (tenant_id, product_id, warehouse_id) where open do nothing""")
                .params(line.id(), order.tenantId(), order.id(), line.lineNo(), line.productId(), line.productName(),
                        line.sku(), line.warehouseId(), line.warehouseName(), line.quantity(), timestamp(now))
                .update() == 1;
    }

    void updateLineQuantity(PurchaseOrder order, PurchaseOrderLine line) {
        jdbc.sql("update purchase_order_lines set quantity = ? where tenant_id = ? and id = ?")
                .params(line.quantity(), order.tenantId(), line.id())
                .update();
    }

    /** Stores a status change; an order no longer open closes its lines in the same transaction. */
    void updateStatus(PurchaseOrder order) {
        jdbc.sql("""
                        update purchase_orders set status = ?, approved_at = ?, received_at = ?, cancelled_at = ?
                        where tenant_id = ? and id = ?""")
                .params(order.status().name(), timestamp(order.approvedAt()), timestamp(order.receivedAt()),
                        timestamp(order.cancelledAt()), order.tenantId(), order.id())
                .update();
        if (!order.status().isOpen()) {
            jdbc.sql("update purchase_order_lines set open = false where tenant_id = ? and purchase_order_id = ? and open")
                    .params(order.tenantId(), order.id())
                    .update();
        }
    }

    private Optional<PurchaseOrder> first(String tenantId, JdbcClient.StatementSpec query) {
        return withLines(tenantId, query.query(PurchaseOrderRepository::row).list()).stream().findFirst();
    }

    /** Loads the lines of all {@code orders} in one query. */
    private List<PurchaseOrder> withLines(String tenantId, List<Row> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PurchaseOrderLine>> lines = new HashMap<>();
        jdbc.sql("""
                        select * from purchase_order_lines
                        where tenant_id = :tenant and purchase_order_id in (:ids) order by purchase_order_id, line_no""")
                .param("tenant", tenantId).param("ids", orders.stream().map(Row::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("purchase_order_id", UUID.class), k -> new ArrayList<>())
                            .add(new PurchaseOrderLine(rs.getObject("id", UUID.class), rs.getInt("line_no"),
                                    rs.getObject("product_id", UUID.class), rs.getString("product_name"), rs.getString("sku"),
                                    rs.getObject("warehouse_id", UUID.class), rs.getString("warehouse_name"),
                                    rs.getInt("quantity"), rs.getBoolean("open")));
                });
        return orders.stream().map(r -> new PurchaseOrder(r.id, r.tenantId, r.poNumber, r.supplierId, r.status, r.createdAt,
                r.approvedAt, r.receivedAt, r.cancelledAt, lines.getOrDefault(r.id, List.of()))).toList();
    }

    private record Row(UUID id, String tenantId, String poNumber, UUID supplierId, PurchaseOrderStatus status,
                       Instant createdAt, Instant approvedAt, Instant receivedAt, Instant cancelledAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("po_number"),
                rs.getObject("supplier_id", UUID.class), PurchaseOrderStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "approved_at"), instant(rs, "received_at"), instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
