/** task.completed → a timesheet entry. */
package io.collector.hr.timesheet.messaging;
