package io.collector.hr.timesheet;

import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.payload.TaskCompleted;
import io.collector.hr.employee.EmployeeManagement;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of timesheets. Every one acts within one tenant. */
@Service
public class TimesheetManagement {

    private static final Logger log = LoggerFactory.getLogger(TimesheetManagement.class);

    private final TimesheetRepository entries;
    private final EmployeeManagement employees;
    private final Clock clock = Clock.systemUTC();

    TimesheetManagement(TimesheetRepository entries, EmployeeManagement employees) {
        this.entries = entries;
        this.employees = employees;
    }

    /**
     * Records the hours of a completed task of the event's tenant, once per task. A task without
     * {@code assignedResourceId} is recorded without employee; a resource that is not an employee of
     * this tenant here is recorded all the same (the resource may come from another HR system).
     */
    @Transactional
    public void record(String tenantId, TaskCompleted task) {
        TimesheetEntry entry;
        try {
            entry = TimesheetEntry.of(tenantId, task, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (IllegalArgumentException e) {
            throw new PermanentEventFailure("task.completed of task " + task.taskId() + " cannot be recorded: "
                    + e.getMessage(), e);
        }
        if (task.assignedResourceId() != null && !employees.exists(tenantId, task.assignedResourceId())) {
            log.info("Task {} of tenant {} was done by resource {}, which is not an employee here; recorded all the same",
                    task.taskId(), tenantId, task.assignedResourceId());
        }
        if (entries.record(entry)) {
            log.info("Recorded {} hour(s) ({}) of task {} for {} in tenant {}", entry.hours(), entry.hoursSource(),
                    task.taskId(), task.assignedResourceId() == null ? "no employee" : task.assignedResourceId(), tenantId);
        } else {
            log.info("Task {} of tenant {} is already recorded (same or later completion); nothing to do",
                    task.taskId(), tenantId);
        }
    }

    /**
     * The entries of {@code employeeId} (all employees when null) completed in {@code period} (UTC month;
     * all time when null).
     *
     * @throws NotFoundException an employee id the tenant knows neither as employee nor from any entry
     */
    @Transactional(readOnly = true)
    public Timesheet timesheet(String tenantId, UUID employeeId, YearMonth period) {
        List<TimesheetEntry> found = entries.find(tenantId, employeeId, period);
        if (employeeId != null && found.isEmpty() && !employees.exists(tenantId, employeeId)
                && !entries.hasEntriesOf(tenantId, employeeId)) {
            throw new NotFoundException("Employee", employeeId);
        }
        return new Timesheet(employeeId, period, found);
    }
}
