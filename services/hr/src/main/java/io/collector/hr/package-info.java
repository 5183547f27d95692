/** HR / Payroll: employees (employee.hired), monthly payroll runs (payroll.processed), timesheets from task.completed. */
package io.collector.hr;
