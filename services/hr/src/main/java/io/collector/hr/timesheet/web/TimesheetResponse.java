package io.collector.hr.timesheet.web;

import io.collector.hr.timesheet.HoursSource;
import io.collector.hr.timesheet.Timesheet;
import io.collector.hr.timesheet.TimesheetEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/timesheets}: the entries, the hours per project and {@code totalHours}. Hours are JSON
 * numbers with 2 decimals, as task.completed carries them (numbers); {@code employeeId} and
 * {@code period} echo the filters (absent when not given).
 */
record TimesheetResponse(UUID employeeId, String period, List<Entry> entries, List<Project> projects,
                         BigDecimal totalHours) {

    record Entry(UUID taskId, String taskName, UUID projectId, String projectName, UUID employeeId, BigDecimal hours,
                 HoursSource hoursSource, Instant completedAt, Instant recordedAt) {

        static Entry of(TimesheetEntry e) {
            return new Entry(e.taskId(), e.taskName(), e.projectId(), e.projectName(), e.employeeId(), e.hours(),
                    e.hoursSource(), e.completedAt(), e.recordedAt());
        }
    }

    record Project(UUID projectId, String projectName, BigDecimal hours) {
    }

    static TimesheetResponse of(Timesheet timesheet) {
        return new TimesheetResponse(timesheet.employeeId(),
                timesheet.period() == null ? null : timesheet.period().toString(),
                timesheet.entries().stream().map(Entry::of).toList(),
                timesheet.projects().stream().map(p -> new Project(p.projectId(), p.projectName(), p.hours())).toList(),
                timesheet.totalHours());
    }
}
