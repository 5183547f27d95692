package io.collector.invoices.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class OrderProjectionRepository {

    private final JdbcClient jdbc;

    OrderProjectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the order once; false when it was already recorded (its lines are then left alone). */
    boolean insertOrder(String tenantId, OrderProjection order, Instant recordedAt) {
        return jdbc.sql("""
                        insert into order_projections (tenant_id, order_id, order_number, customer_id, currency, grand_total, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, order_id) do nothing""")
                .params(tenantId, order.orderId(), order.orderNumber(), order.customerId(), order.currency(),
                        order.grandTotal(), Timestamp.from(recordedAt))
                .update() == 1;
    }

    void insertLines(String tenantId, UUID orderId, List<OrderLine> lines) {
        for (OrderLine line : lines) {
            jdbc.sql("""
                            insert into order_projection_lines (tenant_id, order_id, line_no, product_id, sku, description, quantity, unit_price)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, orderId, line.lineNo(), line.productId(), line.sku(), line.description(),
                            line.quantity(), line.unitPrice())
                    .update();
        }
    }

    Optional<OrderProjection> find(String tenantId, UUID orderId) {
        record Head(String orderNumber, UUID customerId, String currency, BigDecimal grandTotal) {
        }
        Optional<Head> head = jdbc.sql("""
                        select order_number, customer_id, currency, grand_total from order_projections
                        where tenant_id = ? and order_id = ?""")
                .params(tenantId, orderId)
                .query((rs, n) -> new Head(rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
                        rs.getString("currency"), rs.getBigDecimal("grand_total")))
                .optional();
        return head.map(h -> new OrderProjection(orderId, h.orderNumber(), h.customerId(), h.currency(), h.grandTotal(),
                jdbc.sql("""
                                select line_no, product_id, sku, description, quantity, unit_price from order_projection_lines
                                where tenant_id = ? and order_id = ? order by line_no""")
                        .params(tenantId, orderId)
                        .query((rs, n) -> new OrderLine(rs.getInt("line_no"), rs.getObject("product_id", UUID.class),
                                rs.getString("sku"), rs.getString("description"), rs.getInt("quantity"),
                                rs.getBigDecimal("unit_price")))
                        .list()));
    }
}
