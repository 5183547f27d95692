/** Per-tenant invoicing settings: default tax rate, payment terms, auto-issue. */
package io.collector.invoices.settings;
