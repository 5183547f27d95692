package io.collector.offers.offer;

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

/** Offers and their lines in this service's schema; every statement is scoped to one tenant. */
@Repository
class OfferRepository {

    private static final String COLUMNS = "id, tenant_id, number, customer_id, currency, valid_until, status,"
            + " created_at, decided_at, rejection_reason";

    private final JdbcClient jdbc;

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Offer offer) {
        OfferTotals totals = offer.totals();
        jdbc.sql("""
                        insert into offers (id, tenant_id, number, customer_id, currency, valid_until, status,
                                            subtotal, discount_total, tax_total, grand_total, created_at)
                        values (:id, :tenant, :number, :customer, :currency, :validUntil, :status,
                                :subtotal, :discount, :tax, :grand, :createdAt)""")
                .param("id", offer.id())
                .param("tenant", offer.tenantId())
                .param("number", offer.number())
                .param("customer", offer.customerId())
                .param("currency", offer.currency())
                .param("validUntil", timestamp(offer.validUntil()))
                .param("status", offer.storedStatus().name())
                .param("subtotal", totals.subtotal())
                .param("discount", totals.discountTotal())
                .param("tax", totals.taxTotal())
                .param("grand", totals.grandTotal())
                .param("createdAt", timestamp(offer.createdAt()))
                .update();
        int position = 0;
        for (OfferLine line : offer.lines()) {
            jdbc.sql("""
                            insert into offer_lines (offer_id, tenant_id, position, product_id, description, quantity,
                                                     unit_price, discount_percent, tax_percent)
                            values (:offer, :tenant, :position, :product, :description, :quantity, :unitPrice,
                                    :discount, :tax)""")
                    .param("offer", offer.id())
                    .param("tenant", offer.tenantId())
                    .param("position", position++)
                    .param("product", line.productId())
                    .param("description", line.description())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice())
                    .param("discount", line.discountPercent())
                    .param("tax", line.taxPercent())
                    .update();
        }
    }

    /** Writes a decision (status, when, why). */
    void updateDecision(Offer offer) {
        jdbc.sql("update offers set status = :status, decided_at = :decidedAt, rejection_reason = :reason"
                        + " where tenant_id = :tenant and id = :id")
                .param("status", offer.storedStatus().name())
                .param("decidedAt", timestamp(offer.decidedAt()))
                .param("reason", offer.rejectionReason())
                .param("tenant", offer.tenantId())
                .param("id", offer.id())
                .update();
    }

    Optional<Offer> find(String tenantId, UUID id) {
        return one("select " + COLUMNS + " from offers where tenant_id = :tenant and id = :id", tenantId, id);
    }

    /** The offer, its row locked until the transaction ends, so two decisions on it queue up. */
    Optional<Offer> findForUpdate(String tenantId, UUID id) {
        return one("select " + COLUMNS + " from offers where tenant_id = :tenant and id = :id for update", tenantId, id);
    }

    /** Newest first; {@code status} null for all, EXPIRED for undecided offers past validUntil. */
    List<Offer> list(String tenantId, OfferStatus status, Instant now, int limit) {
        String where = "tenant_id = :tenant";
        if (status == OfferStatus.EXPIRED) {
            where += " and status in ('DRAFT', 'OPEN') and valid_until < :now";
        } else if (status != null && status.undecided()) {
            where += " and status = :status and valid_until >= :now";
        } else if (status != null) {
            where += " and status = :status";
        }
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from offers where " + where
                        + " order by created_at desc, number desc limit :limit")
                .param("tenant", tenantId)
                .param("limit", limit);
        if (where.contains(":now")) {
            statement = statement.param("now", timestamp(now));
        }
        if (where.contains(":status")) {
            statement = statement.param("status", status.name());
        }
        List<Row> rows = statement.query(OfferRepository::row).list();
        Map<UUID, List<OfferLine>> lines = lines(tenantId, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.toOffer(lines.getOrDefault(row.id(), List.of()))).toList();
    }

    private Optional<Offer> one(String sql, String tenantId, UUID id) {
        return jdbc.sql(sql).param("tenant", tenantId).param("id", id).query(OfferRepository::row).optional()
                .map(row -> row.toOffer(lines(tenantId, List.of(id)).getOrDefault(id, List.of())));
    }

    private Map<UUID, List<OfferLine>> lines(String tenantId, Collection<UUID> offerIds) {
        Map<UUID, List<OfferLine>> byOffer = new LinkedHashMap<>();
        if (offerIds.isEmpty()) {
            return byOffer;
        }
        jdbc.sql("""
                        select offer_id, product_id, description, quantity, unit_price, discount_percent, tax_percent
                        from offer_lines where tenant_id = :tenant and offer_id in (:offers)
                        order by offer_id, position""")
                .param("tenant", tenantId)
                .param("offers", offerIds)
                .query(rs -> {
                    byOffer.computeIfAbsent(rs.getObject("offer_id", UUID.class), key -> new ArrayList<>())
                            .add(new OfferLine(rs.getObject("product_id", UUID.class), rs.getString("description"),
                                    rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                                    rs.getBigDecimal("discount_percent"), rs.getBigDecimal("tax_percent")));
                });
        return byOffer;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("number"),
                rs.getObject("customer_id", UUID.class), rs.getString("currency"), instant(rs, "valid_until"),
                OfferStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "decided_at"),
                rs.getString("rejection_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(UUID id, String tenantId, String number, UUID customerId, String currency, Instant validUntil,
                       OfferStatus status, Instant createdAt, Instant decidedAt, String rejectionReason) {
        Offer toOffer(List<OfferLine> lines) {
            return Offer.restore(id, tenantId, number, customerId, currency, validUntil, lines, status, createdAt,
                    decidedAt, rejectionReason);
        }
    }
}
