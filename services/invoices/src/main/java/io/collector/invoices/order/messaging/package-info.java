/** {@code order.created} → the order projection. */
package io.collector.invoices.order.messaging;
