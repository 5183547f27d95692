package io.collector.hr.timesheet.web;

import io.collector.hr.timesheet.TimesheetManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.UUID;

/** {@code /api/timesheets}: hours of completed tasks, recorded from task.completed. */
@RestController
@RequestMapping("/api/timesheets")
class TimesheetController {

    private final TimesheetManagement timesheets;

    TimesheetController(TimesheetManagement timesheets) {
        this.timesheets = timesheets;
    }

    /**
     * {@code employeeId}: one employee's entries (all, unassigned ones included, without it); 404 for an
     * id the tenant knows neither as employee nor from any entry. {@code period} (YYYY-MM): the tasks
     * completed in that month, UTC (all time without it).
     */
    @GetMapping
    TimesheetResponse timesheet(@RequestParam(required = false) UUID employeeId,
                                @RequestParam(required = false)
                                @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$", message = "must be a year and month such as \"2024-01\" (YYYY-MM)")
                                String period) {
        return TimesheetResponse.of(timesheets.timesheet(CurrentTenant.id(), employeeId,
                period == null ? null : YearMonth.parse(period)));
    }
}
