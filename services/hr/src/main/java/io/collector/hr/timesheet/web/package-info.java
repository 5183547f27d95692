/** REST API of timesheets. */
package io.collector.hr.timesheet.web;
