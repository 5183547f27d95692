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

/** Reservations per order, product and warehouse, and the orders they were made for. */
@Repository
class ReservationRepository {

    private static final String COLUMNS =
            "id, tenant_id, order_id, product_id, warehouse_id, quantity, reserved, shortfall, dispatched, dispatched_elsewhere,"
                    + " created_at";

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the order's reservations are being made; false if they were already (a re-published
     * order.created). A concurrent copy waits here on the key until the first transaction ends.
     */
    boolean markOrderReserved(String tenantId, UUID orderId, String orderNumber, Instant now) {
        return jdbc.sql("""
                        insert into reserved_orders (tenant_id, order_id, order_number, reserved_at)
                        values (:tenant, :order, :number, :now)
                        on conflict do nothing""")
                .param("tenant", tenantId)
                .param("order", orderId)
                .param("number", orderNumber)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Serializes this transaction with every other one that moves stock for the same order (its
     * order.created and its deliveries), until the end of the transaction: each then sees what the
     * other did, whichever came first and whatever warehouses they touch. Taken before any stock row.
     */
    void lockOrder(String tenantId, UUID orderId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:tenant || '/' || :order, 0))")
                .param("tenant", tenantId)
                .param("order", orderId.toString())
                .query(Integer.class)
                .single();
    }

    /** True once the order's order.created was applied (committed, or earlier in this transaction). */
    boolean isOrderReserved(String tenantId, UUID orderId) {
        return jdbc.sql("select exists (select 1 from reserved_orders where tenant_id = :tenant and order_id = :order)")
                .param("tenant", tenantId)
                .param("order", orderId)
                .query(Boolean.class)
                .single();
    }

    void insert(Reservation reservation, Instant now) {
        jdbc.sql("""
                        insert into reservations (id, tenant_id, order_id, product_id, warehouse_id, quantity, reserved,
                                                  shortfall, dispatched, dispatched_elsewhere, created_at, updated_at)
                        values (:id, :tenant, :order, :product, :warehouse, :quantity, :reserved, :shortfall, :dispatched,
                                :elsewhere, :created, :now)""")
                .param("id", reservation.id())
                .param("tenant", reservation.tenantId())
                .param("order", reservation.orderId())
                .param("product", reservation.productId())
                .param("warehouse", reservation.warehouseId())
                .param("quantity", reservation.quantity())
                .param("reserved", reservation.reserved())
                .param("shortfall", reservation.shortfall())
                .param("dispatched", reservation.dispatched())
                .param("elsewhere", reservation.dispatchedElsewhere())
                .param("created", Timestamp.from(reservation.createdAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(Reservation reservation, Instant now) {
        jdbc.sql("""
                        update reservations set reserved = :reserved, shortfall = :shortfall, dispatched = :dispatched,
                                                dispatched_elsewhere = :elsewhere, updated_at = :now
                        where tenant_id = :tenant and id = :id""")
                .param("reserved", reservation.reserved())
                .param("shortfall", reservation.shortfall())
                .param("dispatched", reservation.dispatched())
                .param("elsewhere", reservation.dispatchedElsewhere())
                .param("now", Timestamp.from(now))
                .param("tenant", reservation.tenantId())
                .param("id", reservation.id())
                .update();
    }

    /** The order's reservation of a product in a warehouse; the caller holds the stock row's lock. */
    Optional<Reservation> find(String tenantId, UUID orderId, UUID productId, UUID warehouseId) {
        return jdbc.sql("select " + COLUMNS + """
                         from reservations
                        where tenant_id = :tenant and order_id = :order and product_id = :product and warehouse_id = :warehouse""")
                .param("tenant", tenantId)
                .param("order", orderId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .query(ReservationRepository::map)
                .optional();
    }

    /** Reservations that still hold stock of a product in a warehouse; the caller holds the stock row's lock. */
    List<Reservation> holding(String tenantId, UUID productId, UUID warehouseId) {
        return jdbc.sql("select " + COLUMNS + """
                         from reservations
                        where tenant_id = :tenant and product_id = :product and warehouse_id = :warehouse and reserved > 0""")
                .param("tenant", tenantId)
                .param("product", productId)
                .param("warehouse", warehouseId)
                .query(ReservationRepository::map)
                .list();
    }

    List<Reservation> ofOrder(String tenantId, UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from reservations where tenant_id = :tenant and order_id = :order"
                        + " order by product_id, warehouse_id")
                .param("tenant", tenantId)
                .param("order", orderId)
                .query(ReservationRepository::map)
                .list();
    }

    private static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getObject("order_id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getObject("warehouse_id", UUID.class), rs.getInt("quantity"),
                rs.getInt("reserved"), rs.getInt("shortfall"), rs.getInt("dispatched"), rs.getInt("dispatched_elsewhere"),
                rs.getTimestamp("created_at").toInstant());
    }
}
