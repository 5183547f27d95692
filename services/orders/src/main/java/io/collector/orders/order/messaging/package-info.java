/** Event handlers of orders: each turns one consumed event into one {@code OrderManagement} call. */
package io.collector.orders.order.messaging;
