package io.collector.inventory.warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class WarehouseRepository {

    private static final String COLUMNS = "id, tenant_id, name, is_default, created_at";

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes the changes to one tenant's warehouses until the transaction ends, so that two
     * concurrent "first" warehouses cannot both become (or both miss becoming) the default.
     */
    void lockTenant(String tenantId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('inventory.warehouses:' || :tenant, 0))")
                .param("tenant", tenantId)
                .query((rs, row) -> 1)
                .single();
    }

    boolean exists(String tenantId) {
        return jdbc.sql("select exists (select 1 from warehouses where tenant_id = :tenant)")
                .param("tenant", tenantId)
                .query(Boolean.class)
                .single();
    }

    void clearDefault(String tenantId) {
        jdbc.sql("update warehouses set is_default = false where tenant_id = :tenant and is_default")
                .param("tenant", tenantId)
                .update();
    }

    /** False when the tenant already has a warehouse of this name. */
    boolean insert(Warehouse warehouse) {
        return jdbc.sql("""
                        insert into warehouses (id, tenant_id, name, is_default, created_at)
                        values (:id, :tenant, :name, :isDefault, :created)
                        on conflict (tenant_id, name) do nothing""")
                .param("id", warehouse.id())
                .param("tenant", warehouse.tenantId())
                .param("name", warehouse.name())
                .param("isDefault", warehouse.isDefault())
                .param("created", Timestamp.from(warehouse.createdAt()))
                .update() == 1;
    }

    public Optional<Warehouse> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from warehouses where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(WarehouseRepository::map)
                .optional();
    }

    public Optional<Warehouse> findDefault(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from warehouses where tenant_id = :tenant and is_default")
                .param("tenant", tenantId)
                .query(WarehouseRepository::map)
                .optional();
    }

    public List<Warehouse> findAll(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from warehouses where tenant_id = :tenant order by created_at, name")
                .param("tenant", tenantId)
                .query(WarehouseRepository::map)
                .list();
    }

    private static Warehouse map(ResultSet rs, int row) throws SQLException {
        return new Warehouse(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
                rs.getBoolean("is_default"), rs.getTimestamp("created_at").toInstant());
    }
}
