package io.collector.projects.project;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, tenant_id, name, description, created_at";

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Project project) {
        jdbc.sql("""
                        insert into projects (id, tenant_id, name, description, created_at)
                        values (:id, :tenant, :name, :description, :created)""")
                .param("id", project.id())
                .param("tenant", project.tenantId())
                .param("name", project.name())
                .param("description", project.description())
                .param("created", Timestamp.from(project.createdAt()))
                .update();
    }

    Optional<Project> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from projects where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(ProjectRepository::map)
                .optional();
    }

    List<Project> findAll(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from projects where tenant_id = :tenant order by created_at, id")
                .param("tenant", tenantId)
                .query(ProjectRepository::map)
                .list();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("description"), rs.getTimestamp("created_at").toInstant());
    }
}
