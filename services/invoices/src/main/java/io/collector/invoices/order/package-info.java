/** Projection of orders from {@code order.created}: the customer, currency, lines and prices an invoice bills. */
package io.collector.invoices.order;
