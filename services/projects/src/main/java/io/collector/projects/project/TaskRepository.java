package io.collector.projects.project;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class TaskRepository {

    private static final String COLUMNS = """
            id, tenant_id, project_id, name, estimated_hours, created_at, status, assigned_resource_id, actual_hours,
            assigned_at, completed_at""";

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Task task) {
        jdbc.sql("""
                        insert into tasks (id, tenant_id, project_id, name, estimated_hours, created_at, status,
                                           assigned_resource_id, actual_hours, assigned_at, completed_at)
                        values (:id, :tenant, :project, :name, :estimated, :created, :status,
                                :resource, :actual, :assigned, :completed)""")
                .param("id", task.id())
                .param("tenant", task.tenantId())
                .param("project", task.projectId())
                .param("name", task.name())
                .param("estimated", task.estimatedHours())
                .param("created", Timestamp.from(task.createdAt()))
                .param("status", task.status().name())
                .param("resource", task.assignedResourceId())
                .param("actual", task.actualHours())
                .param("assigned", timestamp(task.assignedAt()))
                .param("completed", timestamp(task.completedAt()))
                .update();
    }

    /** Writes the task's changing state (status, assignment, completion). */
    void update(Task task) {
        jdbc.sql("""
                        update tasks set status = :status, assigned_resource_id = :resource, actual_hours = :actual,
                                         assigned_at = :assigned, completed_at = :completed
                        where tenant_id = :tenant and id = :id""")
                .param("status", task.status().name())
                .param("resource", task.assignedResourceId())
                .param("actual", task.actualHours())
                .param("assigned", timestamp(task.assignedAt()))
                .param("completed", timestamp(task.completedAt()))
                .param("tenant", task.tenantId())
                .param("id", task.id())
                .update();
    }

    Optional<Task> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tasks where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(TaskRepository::map)
                .optional();
    }

    /** Locks the task until the transaction ends, so that two concurrent completions cannot both succeed. */
    Optional<Task> findForUpdate(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tasks where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenantId)
                .param("id", id)
                .query(TaskRepository::map)
                .optional();
    }

    List<Task> findByProject(String tenantId, UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from tasks where tenant_id = :tenant and project_id = :project "
                        + "order by created_at, id")
                .param("tenant", tenantId)
                .param("project", projectId)
                .query(TaskRepository::map)
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Task map(ResultSet rs, int row) throws SQLException {
        return new Task(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getObject("project_id", UUID.class),
                rs.getString("name"), rs.getBigDecimal("estimated_hours"), rs.getTimestamp("created_at").toInstant(),
                TaskStatus.valueOf(rs.getString("status")), rs.getObject("assigned_resource_id", UUID.class),
                rs.getBigDecimal("actual_hours"), instant(rs.getTimestamp("assigned_at")),
                instant(rs.getTimestamp("completed_at")));
    }
}
