/** REST API of invoices: {@code /api/invoices}. */
package io.collector.invoices.invoice.web;
