package io.collector.hr.timesheet;

import io.collector.events.payload.TaskCompleted;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The hours of one completed task. {@code employeeId} is the task's {@code assignedResourceId} (Projects
 * creates its resources with the employee's id), null for an unassigned task. Hours are kept to 2
 * decimals (HALF_UP).
 */
public record TimesheetEntry(UUID id, String tenantId, UUID taskId, String taskName, UUID projectId,
                             String projectName, UUID employeeId, BigDecimal hours, HoursSource hoursSource,
                             Instant completedAt, Instant recordedAt) {

    /** Beyond this a task's hours are a producer's error, not work (about 114 years). */
    static final BigDecimal MAX_HOURS = new BigDecimal("1000000");

    public TimesheetEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(hoursSource, "hoursSource");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (hours == null || hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new IllegalArgumentException("hours must be between 0 and " + MAX_HOURS + ", not " + hours);
        }
        hours = hours.setScale(2, RoundingMode.HALF_UP);
    }

    /** The entry of a completed task: its actual hours, else its estimated hours, else 0. */
    static TimesheetEntry of(String tenantId, TaskCompleted task, Instant now) {
        HoursSource source;
        Double hours;
        if (task.actualHours() != null) {
            source = HoursSource.ACTUAL;
            hours = task.actualHours();
        } else if (task.estimatedHours() != null) {
            source = HoursSource.ESTIMATED;
            hours = task.estimatedHours();
        } else {
            source = HoursSource.NONE;
            hours = 0.0;
        }
        return new TimesheetEntry(UUID.randomUUID(), tenantId, task.taskId(), task.taskName(), task.projectId(),
                task.projectName(), task.assignedResourceId(), BigDecimal.valueOf(hours), source, task.completedAt(), now);
    }
}
