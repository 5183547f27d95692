package io.collector.delivery.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
class OrderLineRepository {

    private final JdbcClient jdbc;

    OrderLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the order once; false when it was already recorded (its lines are then left alone). */
    boolean insertOrder(String tenantId, UUID orderId, String orderNumber, Instant recordedAt) {
        return jdbc.sql("""
                        insert into order_projections (tenant_id, order_id, order_number, recorded_at)
                        values (?, ?, ?, ?)
                        on conflict (tenant_id, order_id) do nothing""")
                .params(tenantId, orderId, orderNumber, Timestamp.from(recordedAt))
                .update() == 1;
    }

    void insertLines(String tenantId, UUID orderId, List<OrderLine> lines) {
        for (OrderLine line : lines) {
            jdbc.sql("""
                            insert into order_projection_lines (tenant_id, order_id, line_no, product_id, quantity, warehouse_id)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, orderId, line.lineNo(), line.productId(), line.quantity(), line.warehouseId())
                    .update();
        }
    }

    List<OrderLine> findLines(String tenantId, UUID orderId) {
        return jdbc.sql("""
                        select line_no, product_id, quantity, warehouse_id from order_projection_lines
                        where tenant_id = ? and order_id = ? order by line_no""")
                .params(tenantId, orderId)
                .query((rs, n) -> new OrderLine(rs.getInt("line_no"), rs.getObject("product_id", UUID.class),
                        rs.getInt("quantity"), rs.getObject("warehouse_id", UUID.class)))
                .list();
    }
}
