package io.collector.hr.timesheet.messaging;

import io.collector.eventbus.EventHandler;
import io.collector.events.EventEnvelope;
import io.collector.events.payload.TaskCompleted;
import io.collector.hr.timesheet.TimesheetManagement;
import org.springframework.stereotype.Component;

/** task.completed (queue hr.task.completed) → a timesheet entry, within the event's tenant. */
@Component
class TaskCompletedEventHandler {

    private final TimesheetManagement timesheets;

    TaskCompletedEventHandler(TimesheetManagement timesheets) {
        this.timesheets = timesheets;
    }

    @EventHandler
    void on(EventEnvelope<TaskCompleted> event) {
        timesheets.record(event.tenantId(), event.data());
    }
}
