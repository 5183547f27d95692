package io.collector.inventory.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Dispatched deliveries and what each did to stock. */
@Repository
class DispatchRepository {

    private final JdbcClient jdbc;

    DispatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if this delivery note was already applied (a re-published delivery.dispatched). */
    boolean markDispatched(String tenantId, UUID deliveryNoteId, String deliveryNumber, UUID orderId, Instant now) {
        return jdbc.sql("""
                        insert into dispatched_deliveries (tenant_id, delivery_note_id, delivery_number, order_id, dispatched_at)
                        values (:tenant, :note, :number, :order, :now)
                        on conflict do nothing""")
                .param("tenant", tenantId)
                .param("note", deliveryNoteId)
                .param("number", deliveryNumber)
                .param("order", orderId)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    void insertLine(String tenantId, UUID deliveryNoteId, UUID orderId, UUID productId, UUID warehouseId, int quantity,
                    Stock.Dispatch outcome, Instant now) {
        jdbc.sql("""
                        insert into dispatch_lines (id, tenant_id, delivery_note_id, order_id, product_id, warehouse_id,
                                                    quantity, deducted, released, missing, recorded_at)
                        values (:id, :tenant, :note, :order, :product, :warehouse, :quantity, :deducted, :released,
                                :missing, :now)""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenantId)
                .param("note", deliveryNoteId)
                .param("order", orderId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .param("quantity", quantity)
                .param("deducted", outcome.deducted())
                .param("released", outcome.released())
                .param("missing", outcome.missing())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** What deliveries dispatched so far for the order, per product and warehouse; the caller holds the order's lock. */
    Map<UUID, Map<UUID, Integer>> dispatchedFor(String tenantId, UUID orderId) {
        Map<UUID, Map<UUID, Integer>> byProduct = new HashMap<>();
        jdbc.sql("""
                        select product_id, warehouse_id, sum(quantity) as quantity from dispatch_lines
                        where tenant_id = :tenant and order_id = :order
                        group by product_id, warehouse_id""")
                .param("tenant", tenantId)
                .param("order", orderId)
                .query(rs -> {
                    byProduct.computeIfAbsent(rs.getObject("product_id", UUID.class), p -> new HashMap<>())
                            .put(rs.getObject("warehouse_id", UUID.class), Math.toIntExact(rs.getLong("quantity")));
                });
        return byProduct;
    }

    List<DispatchDiscrepancy> discrepancies(String tenantId) {
        return jdbc.sql("""
                        select d.delivery_note_id, n.delivery_number, d.order_id, d.product_id, d.warehouse_id,
                               d.quantity, d.deducted, d.missing, d.recorded_at
                        from dispatch_lines d
                        join dispatched_deliveries n on n.tenant_id = d.tenant_id and n.delivery_note_id = d.delivery_note_id
                        where d.tenant_id = :tenant and d.missing > 0
                        order by d.recorded_at desc
                        limit 500""")
                .param("tenant", tenantId)
                .query((rs, row) -> new DispatchDiscrepancy(rs.getObject("delivery_note_id", UUID.class),
                        rs.getString("delivery_number"), rs.getObject("order_id", UUID.class),
                        rs.getObject("product_id", UUID.class), rs.getObject("warehouse_id", UUID.class),
                        rs.getInt("quantity"), rs.getInt("deducted"), rs.getInt("missing"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
