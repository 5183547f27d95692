/** REST API of orders ({@code /api/orders}): requests, responses, and calls to {@code OrderManagement}. */
package io.collector.orders.order.web;
