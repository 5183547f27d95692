package io.collector.inventory.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class ProductRepository {

    private static final String COLUMNS = "id, tenant_id, sku, name, unit, minimum_threshold, reorder_level, created_at";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the tenant already has a product with this SKU. */
    boolean insert(Product product) {
        return jdbc.sql("""
                        insert into products (id, tenant_id, sku, name, unit, minimum_threshold, reorder_level, created_at)
                        values (:id, :tenant, :sku, :name, :unit, :minimum, :reorder, :created)
                        on conflict (tenant_id, sku) do nothing""")
                .param("id", product.id())
                .param("tenant", product.tenantId())
                .param("sku", product.sku())
                .param("name", product.name())
                .param("unit", product.unit())
                .param("minimum", product.minimumThreshold())
                .param("reorder", product.reorderLevel())
                .param("created", Timestamp.from(product.createdAt()))
                .update() == 1;
    }

    public Optional<Product> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from products where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(ProductRepository::map)
                .optional();
    }

    List<Product> findAll(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from products where tenant_id = :tenant order by sku")
                .param("tenant", tenantId)
                .query(ProductRepository::map)
                .list();
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("sku"),
                rs.getString("name"), rs.getString("unit"), rs.getInt("minimum_threshold"), rs.getInt("reorder_level"),
                rs.getTimestamp("created_at").toInstant());
    }
}
