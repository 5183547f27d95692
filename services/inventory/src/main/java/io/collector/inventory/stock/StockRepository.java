package io.collector.inventory.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stock rows and goods receipts. */
@Repository
class StockRepository {

    private static final String ROWS = """
            select p.id as product_id, p.sku, p.name as product_name, p.minimum_threshold, p.reorder_level,
                   w.id as warehouse_id, w.name as warehouse_name, w.is_default,
                   coalesce(s.on_hand, 0) as on_hand, coalesce(s.reserved, 0) as reserved,
                   coalesce((select sum(r.shortfall) from reservations r
                             where r.tenant_id = p.tenant_id and r.product_id = p.id and r.warehouse_id = w.id), 0) as shortfall
            """;

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stock row of a product in a warehouse, created empty if it never moved, locked
     * ({@code for update}) until the transaction ends so that concurrent movements queue up instead
     * of losing each other's updates. Callers lock several rows in a stable order (product, warehouse).
     */
    Stock lock(String tenantId, UUID productId, UUID warehouseId, int reorderLevel) {
        jdbc.sql("""
                        insert into stock (tenant_id, product_id, warehouse_id, on_hand, reserved, low_notified, updated_at)
                        values (:tenant, :product, :warehouse, 0, 0, false, now())
                        on conflict do nothing""")
                .param("tenant", tenantId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .update();
        return jdbc.sql("""
                        select on_hand, reserved, low_notified from stock
                        where tenant_id = :tenant and product_id = :product and warehouse_id = :warehouse
                        for update""")
                .param("tenant", tenantId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .query((rs, row) -> new Stock(tenantId, productId, warehouseId, reorderLevel, rs.getInt("on_hand"),
                        rs.getInt("reserved"), rs.getBoolean("low_notified")))
                .single();
    }

    void update(Stock stock, Instant now) {
        jdbc.sql("""
                        update stock set on_hand = :onHand, reserved = :reserved, low_notified = :lowNotified, updated_at = :now
                        where tenant_id = :tenant and product_id = :product and warehouse_id = :warehouse""")
                .param("onHand", stock.onHand())
                .param("reserved", stock.reserved())
                .param("lowNotified", stock.lowNotified())
                .param("now", Timestamp.from(now))
                .param("tenant", stock.tenantId())
                .param("product", stock.productId())
                .param("warehouse", stock.warehouseId())
                .update();
    }

    void insert(GoodsReceipt receipt) {
        jdbc.sql("""
                        insert into goods_receipts (id, tenant_id, product_id, warehouse_id, quantity, reference, received_by, received_at)
                        values (:id, :tenant, :product, :warehouse, :quantity, :reference, :by, :at)""")
                .param("id", receipt.id())
                .param("tenant", receipt.tenantId())
                .param("product", receipt.productId())
                .param("warehouse", receipt.warehouseId())
                .param("quantity", receipt.quantity())
                .param("reference", receipt.reference())
                .param("by", receipt.receivedBy())
                .param("at", Timestamp.from(receipt.receivedAt()))
                .update();
    }

    /** One row per warehouse of the tenant, zeros where the product never moved. */
    List<StockRow> rowsOfProduct(String tenantId, UUID productId) {
        return jdbc.sql(ROWS + """
                        from products p
                        join warehouses w on w.tenant_id = p.tenant_id
                        left join stock s on s.tenant_id = p.tenant_id and s.product_id = p.id and s.warehouse_id = w.id
                        where p.tenant_id = :tenant and p.id = :product
                        order by w.created_at, w.name""")
                .param("tenant", tenantId)
                .param("product", productId)
                .query(StockRepository::map)
                .list();
    }

    Optional<StockRow> row(String tenantId, UUID productId, UUID warehouseId) {
        return jdbc.sql(ROWS + """
                        from products p
                        join warehouses w on w.tenant_id = p.tenant_id
                        left join stock s on s.tenant_id = p.tenant_id and s.product_id = p.id and s.warehouse_id = w.id
                        where p.tenant_id = :tenant and p.id = :product and w.id = :warehouse""")
                .param("tenant", tenantId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .query(StockRepository::map)
                .optional();
    }

    /** Every product and warehouse of the tenant that ever moved. */
    List<StockRow> allRows(String tenantId) {
        return jdbc.sql(ROWS + """
                        from stock s
                        join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
                        join warehouses w on w.tenant_id = s.tenant_id and w.id = s.warehouse_id
                        where s.tenant_id = :tenant
                        order by p.sku, w.created_at, w.name""")
                .param("tenant", tenantId)
                .query(StockRepository::map)
                .list();
    }

    private static StockRow map(ResultSet rs, int row) throws SQLException {
        return new StockRow(rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("product_name"),
                rs.getObject("warehouse_id", UUID.class), rs.getString("warehouse_name"), rs.getBoolean("is_default"),
                rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("shortfall"), rs.getInt("minimum_threshold"),
                rs.getInt("reorder_level"));
    }
}
