/** Employees: hiring with per-tenant employee numbers; publishes employee.hired. */
package io.collector.hr.employee;
