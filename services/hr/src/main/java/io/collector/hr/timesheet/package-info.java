/** Timesheets: the hours of completed project tasks, one entry per task. */
package io.collector.hr.timesheet;
