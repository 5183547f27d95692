/** The order aggregate, its status machine and totals, its table and its use cases. */
package io.collector.orders.order;
