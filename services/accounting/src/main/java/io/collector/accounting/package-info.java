/** Accounting: a chart of accounts per tenant and a double-entry journal posted from invoice and payroll events. */
package io.collector.accounting;
