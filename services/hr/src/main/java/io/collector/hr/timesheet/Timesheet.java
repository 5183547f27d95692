package io.collector.hr.timesheet;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Timesheet entries of one employee (or all, when {@code employeeId} is null) in one month (or all
 * time, when {@code period} is null), in completion order, with their total and the hours per project.
 */
public record Timesheet(UUID employeeId, YearMonth period, List<TimesheetEntry> entries) {

    public record ProjectHours(UUID projectId, String projectName, BigDecimal hours) {
    }

    public Timesheet {
        entries = List.copyOf(entries);
    }

    public BigDecimal totalHours() {
        return entries.stream().map(TimesheetEntry::hours).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Per project, in the order the projects first appear; the name is the latest entry's. */
    public List<ProjectHours> projects() {
        Map<UUID, ProjectHours> byProject = new LinkedHashMap<>();
        for (TimesheetEntry entry : entries) {
            byProject.merge(entry.projectId(), new ProjectHours(entry.projectId(), entry.projectName(), entry.hours()),
                    (sum, more) -> new ProjectHours(sum.projectId(), more.projectName(), sum.hours().add(more.hours())));
        }
        return List.copyOf(byProject.values());
    }
}
