/** Invoices service: an invoice per confirmed delivery, issued with a gap-free number and paid in one or more payments. */
package io.collector.invoices;
