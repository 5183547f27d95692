/** REST API of the invoicing settings: {@code /api/invoice-settings}. */
package io.collector.invoices.settings.web;
