/** {@code delivery.confirmed} → a draft invoice. */
package io.collector.invoices.invoice.messaging;
