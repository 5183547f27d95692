package io.collector.hr.timesheet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@Repository
class TimesheetRepository {

    private static final String COLUMNS = "id, tenant_id, task_id, task_name, project_id, project_name, employee_id,"
            + " hours, hours_source, completed_at, recorded_at";

    private final JdbcClient jdbc;

    TimesheetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One entry per task: a new task is inserted; a task already recorded is replaced only by a later
     * completion (a reopened and completed again task), so a redelivered or re-published copy changes
     * nothing. False when nothing changed.
     */
    boolean record(TimesheetEntry entry) {
        return jdbc.sql("""
                        insert into timesheet_entries (id, tenant_id, task_id, task_name, project_id, project_name,
                                                       employee_id, hours, hours_source, completed_at, recorded_at)
                        values (:id, :tenant, :task, :taskName, :project, :projectName, :employee, :hours, :source,
                                :completedAt, :recordedAt)
                        on conflict (tenant_id, task_id) do update set
                            task_name = excluded.task_name, project_id = excluded.project_id,
                            project_name = excluded.project_name, employee_id = excluded.employee_id,
                            hours = excluded.hours, hours_source = excluded.hours_source,
                            completed_at = excluded.completed_at, recorded_at = excluded.recorded_at
                        where timesheet_entries.completed_at < excluded.completed_at""")
                .param("id", entry.id())
                .param("tenant", entry.tenantId())
                .param("task", entry.taskId())
                .param("taskName", entry.taskName())
                .param("project", entry.projectId())
                .param("projectName", entry.projectName())
                .param("employee", entry.employeeId(), java.sql.Types.OTHER)
                .param("hours", entry.hours())
                .param("source", entry.hoursSource().name())
                .param("completedAt", Timestamp.from(entry.completedAt()))
                .param("recordedAt", Timestamp.from(entry.recordedAt()))
                .update() == 1;
    }

    /** Entries in completion order; either filter may be null (no filter). */
    List<TimesheetEntry> find(String tenantId, UUID employeeId, YearMonth period) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from timesheet_entries where tenant_id = :tenant");
        if (employeeId != null) {
            sql.append(" and employee_id = :employee");
        }
        if (period != null) {
            sql.append(" and completed_at >= :from and completed_at < :until");
        }
        sql.append(" order by completed_at, task_id");
        JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("tenant", tenantId);
        if (employeeId != null) {
            query = query.param("employee", employeeId);
        }
        if (period != null) {
            query = query.param("from", Timestamp.from(startOf(period)))
                    .param("until", Timestamp.from(startOf(period.plusMonths(1))));
        }
        return query.query(TimesheetRepository::map).list();
    }

    boolean hasEntriesOf(String tenantId, UUID employeeId) {
        return jdbc.sql("select exists (select 1 from timesheet_entries where tenant_id = :tenant and employee_id = :employee)")
                .param("tenant", tenantId)
                .param("employee", employeeId)
                .query(Boolean.class)
                .single();
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static TimesheetEntry map(ResultSet rs, int row) throws SQLException {
        return new TimesheetEntry(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                rs.getObject("task_id", UUID.class), rs.getString("task_name"), rs.getObject("project_id", UUID.class),
                rs.getString("project_name"), rs.getObject("employee_id", UUID.class), rs.getBigDecimal("hours"),
                HoursSource.valueOf(rs.getString("hours_source")), rs.getTimestamp("completed_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
