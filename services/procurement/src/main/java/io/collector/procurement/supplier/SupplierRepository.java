package io.collector.procurement.supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class SupplierRepository {

    private final JdbcClient jdbc;

    SupplierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Supplier supplier) {
        jdbc.sql("insert into suppliers (id, tenant_id, name, email, lead_time_days, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(supplier.id(), supplier.tenantId(), supplier.name(), supplier.email(), supplier.leadTimeDays(),
                        Timestamp.from(supplier.createdAt()))
                .update();
        for (UUID productId : supplier.productIds()) {
            jdbc.sql("insert into supplier_products (tenant_id, supplier_id, product_id) values (?, ?, ?)")
                    .params(supplier.tenantId(), supplier.id(), productId)
                    .update();
        }
    }

    Optional<Supplier> find(String tenantId, UUID id) {
        return withProducts(tenantId, jdbc.sql("select * from suppliers where tenant_id = ? and id = ?")
                .params(tenantId, id).query(SupplierRepository::row).list()).stream().findFirst();
    }

    List<Supplier> findAll(String tenantId) {
        return withProducts(tenantId, jdbc.sql("select * from suppliers where tenant_id = ? order by created_at, id")
                .params(tenantId).query(SupplierRepository::row).list());
    }

    /** The supplier of the product with the shortest lead time (unknown counts as longest), then the longest known. */
    Optional<UUID> findPreferredSupplierOf(String tenantId, UUID productId) {
        return jdbc.sql("""
                        select s.id from suppliers s
                        join supplier_products p on p.supplier_id = s.id and p.tenant_id = s.tenant_id
                        where s.tenant_id = ? and p.product_id = ?
                        order by s.lead_time_days asc nulls last, s.created_at, s.id
                        limit 1""")
                .params(tenantId, productId).query(UUID.class).optional();
    }

    private List<Supplier> withProducts(String tenantId, List<Supplier> suppliers) {
        if (suppliers.isEmpty()) {
            return suppliers;
        }
        Map<UUID, List<UUID>> products = new HashMap<>();
        jdbc.sql("""
                        select supplier_id, product_id from supplier_products
                        where tenant_id = :tenant and supplier_id in (:ids) order by product_id""")
                .param("tenant", tenantId).param("ids", suppliers.stream().map(Supplier::id).toList())
                .query(rs -> {
                    products.computeIfAbsent(rs.getObject("supplier_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject("product_id", UUID.class));
                });
        return suppliers.stream().map(s -> new Supplier(s.id(), s.tenantId(), s.name(), s.email(), s.leadTimeDays(),
                products.getOrDefault(s.id(), List.of()), s.createdAt())).toList();
    }

    private static Supplier row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Supplier(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("email"), rs.getObject("lead_time_days", Integer.class), List.of(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
