/** Payroll runs: one per tenant, month and currency, pro rata for hires within the month; publishes payroll.processed. */
package io.collector.hr.payroll;
