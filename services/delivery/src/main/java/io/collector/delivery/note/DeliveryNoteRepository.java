package io.collector.delivery.note;

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
class DeliveryNoteRepository {

    private static final String COLUMNS = """
            id, tenant_id, delivery_number, order_id, order_number, customer_id, shipping_address_id, status,
            carrier_id, tracking_number, proof_of_delivery_url, created_at, dispatched_at, delivered_at""";

    private final JdbcClient jdbc;

    DeliveryNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForOrder(String tenantId, UUID orderId) {
        return jdbc.sql("select count(*) from delivery_notes where tenant_id = ? and order_id = ?")
                .params(tenantId, orderId).query(Long.class).single() > 0;
    }

    /** Inserts the note and its items; false (and nothing written) when the order already has a note. */
    boolean insert(DeliveryNote note) {
        int inserted = jdbc.sql("""
                        insert into delivery_notes (id, tenant_id, delivery_number, order_id, order_number, customer_id,
                                                    shipping_address_id, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, order_id) do nothing""")
                .params(note.id(), note.tenantId(), note.deliveryNumber(), note.orderId(), note.orderNumber(),
                        note.customerId(), note.shippingAddressId(), note.status().name(), timestamp(note.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (DeliveryNote.Item item : note.items()) {
            jdbc.sql("""
                            insert into delivery_note_items (tenant_id, delivery_note_id, line_no, product_id, description, quantity, unit)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(note.tenantId(), note.id(), item.lineNo(), item.productId(), item.description(),
                            item.quantity(), item.unit())
                    .update();
        }
        return true;
    }

    Optional<DeliveryNote> find(String tenantId, UUID id) {
        return findOne(tenantId, id, "");
    }

    /** The note, its row locked until the transaction ends: status changes of one note queue up. */
    Optional<DeliveryNote> findForUpdate(String tenantId, UUID id) {
        return findOne(tenantId, id, " for update");
    }

    /** Newest first; {@code status} and {@code orderId} filter when given. */
    List<DeliveryNote> findAll(String tenantId, DeliveryNoteStatus status, UUID orderId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from delivery_notes where tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (orderId != null) {
            sql.append(" and order_id = :orderId");
            params.put("orderId", orderId);
        }
        sql.append(" order by created_at desc, delivery_number desc limit :limit");
        params.put("limit", limit);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(DeliveryNoteRepository::row).list();
        return withDetails(tenantId, rows);
    }

    /** Stores the status change of {@code note} and, once dispatched, what left which warehouse. */
    void update(DeliveryNote note) {
        jdbc.sql("""
                        update delivery_notes set status = ?, carrier_id = ?, tracking_number = ?, proof_of_delivery_url = ?,
                                                  dispatched_at = ?, delivered_at = ?
                        where tenant_id = ? and id = ?""")
                .params(note.status().name(), note.carrierId(), note.trackingNumber(), note.proofOfDeliveryUrl(),
                        timestamp(note.dispatchedAt()), timestamp(note.deliveredAt()), note.tenantId(), note.id())
                .update();
        jdbc.sql("delete from dispatched_items where tenant_id = ? and delivery_note_id = ?")
                .params(note.tenantId(), note.id()).update();
        int position = 0;
        for (DeliveryNote.DispatchedItem item : note.dispatchedItems()) {
            jdbc.sql("""
                            insert into dispatched_items (tenant_id, delivery_note_id, position, product_id, quantity, warehouse_id)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(note.tenantId(), note.id(), ++position, item.productId(), item.quantity(), item.warehouseId())
                    .update();
        }
    }

    private Optional<DeliveryNote> findOne(String tenantId, UUID id, String lock) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from delivery_notes where tenant_id = ? and id = ?" + lock)
                .params(tenantId, id).query(DeliveryNoteRepository::row).list();
        return withDetails(tenantId, rows).stream().findFirst();
    }

    /** Loads the items of all {@code rows} in two queries, not two per note. */
    private List<DeliveryNote> withDetails(String tenantId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<DeliveryNote.Item>> items = new HashMap<>();
        jdbc.sql("""
                        select delivery_note_id, line_no, product_id, description, quantity, unit from delivery_note_items
                        where tenant_id = :tenant and delivery_note_id in (:ids) order by delivery_note_id, line_no""")
                .param("tenant", tenantId).param("ids", ids)
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("delivery_note_id", UUID.class), k -> new ArrayList<>())
                            .add(new DeliveryNote.Item(rs.getInt("line_no"), rs.getObject("product_id", UUID.class),
                                    rs.getString("description"), rs.getInt("quantity"), rs.getString("unit")));
                });
        Map<UUID, List<DeliveryNote.DispatchedItem>> dispatched = new HashMap<>();
        jdbc.sql("""
                        select delivery_note_id, product_id, quantity, warehouse_id from dispatched_items
                        where tenant_id = :tenant and delivery_note_id in (:ids) order by delivery_note_id, position""")
                .param("tenant", tenantId).param("ids", ids)
                .query(rs -> {
                    dispatched.computeIfAbsent(rs.getObject("delivery_note_id", UUID.class), k -> new ArrayList<>())
                            .add(new DeliveryNote.DispatchedItem(rs.getObject("product_id", UUID.class),
                                    rs.getInt("quantity"), rs.getObject("warehouse_id", UUID.class)));
                });
        return rows.stream().map(r -> new DeliveryNote(r.id, r.tenantId, r.deliveryNumber, r.orderId, r.orderNumber,
                r.customerId, r.shippingAddressId, items.getOrDefault(r.id, List.of()), r.createdAt, r.status, r.carrierId,
                r.trackingNumber, r.proofOfDeliveryUrl, r.dispatchedAt, r.deliveredAt,
                dispatched.getOrDefault(r.id, List.of()))).toList();
    }

    private record Row(UUID id, String tenantId, String deliveryNumber, UUID orderId, String orderNumber, UUID customerId,
                       UUID shippingAddressId, DeliveryNoteStatus status, UUID carrierId, String trackingNumber,
                       String proofOfDeliveryUrl, Instant createdAt, Instant dispatchedAt, Instant deliveredAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("delivery_number"),
                rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
                rs.getObject("shipping_address_id", UUID.class), DeliveryNoteStatus.valueOf(rs.getString("status")),
                rs.getObject("carrier_id", UUID.class), rs.getString("tracking_number"),
                rs.getString("proof_of_delivery_url"), instant(rs, "created_at"), instant(rs, "dispatched_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
