/** Projection of orders' lines from {@code order.created}: which warehouse each line ships from. */
package io.collector.delivery.order;
