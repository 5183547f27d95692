package io.collector.orders.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders and their lines in this service's schema; every statement is scoped to one tenant. */
@Repository
class OrderRepository {

    private static final String COLUMNS = "id, tenant_id, number, customer_id, offer_id, currency, status,"
            + " shipping_address_id, grand_total, created_at, confirmed_at, cancelled_at";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        jdbc.sql("""
                        insert into orders (id, tenant_id, number, customer_id, offer_id, currency, status,
                                            shipping_address_id, grand_total, created_at)
                        values (:id, :tenant, :number, :customer, :offer, :currency, :status, :address, :total, :createdAt)""")
                .param("id", order.id())
                .param("tenant", order.tenantId())
                .param("number", order.number())
                .param("customer", order.customerId())
                .param("offer", order.offerId())
                .param("currency", order.currency())
                .param("status", order.status().name())
                .param("address", order.shippingAddressId())
                .param("total", order.grandTotal())
                .param("createdAt", timestamp(order.createdAt()))
                .update();
        int position = 0;
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                            insert into order_lines (order_id, tenant_id, position, product_id, sku, description, quantity,
                                                     unit, unit_price, discount_percent, tax_percent, warehouse_id)
                            values (:order, :tenant, :position, :product, :sku, :description, :quantity, :unit,
                                    :unitPrice, :discount, :tax, :warehouse)""")
                    .param("order", order.id())
                    .param("tenant", order.tenantId())
                    .param("position", position++)
                    .param("product", line.productId())
                    .param("sku", line.sku())
                    .param("description", line.description())
                    .param("quantity", line.quantity())
                    .param("unit", line.unit())
                    .param("unitPrice", line.unitPrice())
                    .param("discount", line.discountPercent())
                    .param("tax", line.taxPercent())
                    .param("warehouse", line.warehouseId())
                    .update();
        }
    }

    void updateStatus(Order order) {
        jdbc.sql("""
                        update orders set status = :status, shipping_address_id = :address,
                                          confirmed_at = :confirmedAt, cancelled_at = :cancelledAt
                        where tenant_id = :tenant and id = :id""")
                .param("status", order.status().name())
                .param("address", order.shippingAddressId())
                .param("confirmedAt", timestamp(order.confirmedAt()))
                .param("cancelledAt", timestamp(order.cancelledAt()))
                .param("tenant", order.tenantId())
                .param("id", order.id())
                .update();
    }

    Optional<Order> find(String tenantId, UUID id) {
        return one("select " + COLUMNS + " from orders where tenant_id = :tenant and id = :id", "id", tenantId, id);
    }

    /** The order, its row locked until the transaction ends, so two status changes queue up. */
    Optional<Order> findForUpdate(String tenantId, UUID id) {
        return one("select " + COLUMNS + " from orders where tenant_id = :tenant and id = :id for update", "id", tenantId, id);
    }

    Optional<Order> findByOffer(String tenantId, UUID offerId) {
        return one("select " + COLUMNS + " from orders where tenant_id = :tenant and offer_id = :offer", "offer",
                tenantId, offerId);
    }

    /** Newest first; {@code status} null for all. */
    List<Order> list(String tenantId, OrderStatus status, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from orders where tenant_id = :tenant"
                        + (status == null ? "" : " and status = :status") + " order by created_at desc, number desc limit :limit")
                .param("tenant", tenantId)
                .param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return withLines(tenantId, statement.query(OrderRepository::row).list());
    }

    private Optional<Order> one(String sql, String keyName, String tenantId, UUID key) {
        return withLines(tenantId, jdbc.sql(sql).param("tenant", tenantId).param(keyName, key)
                .query(OrderRepository::row).list()).stream().findFirst();
    }

    private List<Order> withLines(String tenantId, List<Row> rows) {
        Map<UUID, List<OrderLine>> lines = lines(tenantId, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of()))).toList();
    }

    private Map<UUID, List<OrderLine>> lines(String tenantId, Collection<UUID> orderIds) {
        Map<UUID, List<OrderLine>> byOrder = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        jdbc.sql("""
                        select order_id, product_id, sku, description, quantity, unit, unit_price, discount_percent,
                               tax_percent, warehouse_id
                        from order_lines where tenant_id = :tenant and order_id in (:orders)
                        order by order_id, position""")
                .param("tenant", tenantId)
                .param("orders", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), key -> new ArrayList<>())
                            .add(new OrderLine(rs.getObject("product_id", UUID.class), rs.getString("sku"),
                                    rs.getString("description"), rs.getBigDecimal("quantity"), rs.getString("unit"),
                                    rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount_percent"),
                                    rs.getBigDecimal("tax_percent"), rs.getObject("warehouse_id", UUID.class)));
                });
        return byOrder;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("number"),
                rs.getObject("customer_id", UUID.class), rs.getObject("offer_id", UUID.class), rs.getString("currency"),
                OrderStatus.valueOf(rs.getString("status")), rs.getObject("shipping_address_id", UUID.class),
                rs.getBigDecimal("grand_total"), instant(rs, "created_at"), instant(rs, "confirmed_at"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(UUID id, String tenantId, String number, UUID customerId, UUID offerId, String currency,
                       OrderStatus status, UUID shippingAddressId, java.math.BigDecimal grandTotal, Instant createdAt,
                       Instant confirmedAt, Instant cancelledAt) {
        Order toOrder(List<OrderLine> lines) {
            return Order.restore(id, tenantId, number, customerId, offerId, currency, lines, grandTotal, status,
                    shippingAddressId, createdAt, confirmedAt, cancelledAt);
        }
    }
}
