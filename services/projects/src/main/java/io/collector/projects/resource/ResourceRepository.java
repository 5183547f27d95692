package io.collector.projects.resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class ResourceRepository {

    private static final String COLUMNS =
            "id, tenant_id, employee_number, first_name, last_name, email, position, department, hire_date, created_at";

    private final JdbcClient jdbc;

    ResourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the tenant already has this resource (the same employee hired event, re-published). */
    boolean insert(Resource resource) {
        return jdbc.sql("""
                        insert into resources (id, tenant_id, employee_number, first_name, last_name, email, position,
                                               department, hire_date, created_at)
                        values (:id, :tenant, :number, :first, :last, :email, :position, :department, :hired, :created)
                        on conflict (tenant_id, id) do nothing""")
                .param("id", resource.id())
                .param("tenant", resource.tenantId())
                .param("number", resource.employeeNumber())
                .param("first", resource.firstName())
                .param("last", resource.lastName())
                .param("email", resource.email())
                .param("position", resource.position())
                .param("department", resource.department())
                .param("hired", Timestamp.from(resource.hireDate()))
                .param("created", Timestamp.from(resource.createdAt()))
                .update() == 1;
    }

    Optional<Resource> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from resources where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(ResourceRepository::map)
                .optional();
    }

    boolean exists(String tenantId, UUID id) {
        return jdbc.sql("select exists (select 1 from resources where tenant_id = :tenant and id = :id)")
                .param("tenant", tenantId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    List<Resource> findAll(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from resources where tenant_id = :tenant order by last_name, first_name, id")
                .param("tenant", tenantId)
                .query(ResourceRepository::map)
                .list();
    }

    private static Resource map(ResultSet rs, int row) throws SQLException {
        return new Resource(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("employee_number"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("position"),
                rs.getString("department"), rs.getTimestamp("hire_date").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
