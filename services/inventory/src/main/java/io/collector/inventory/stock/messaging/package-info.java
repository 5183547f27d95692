/** Consumers of order.created and delivery.dispatched: each event is one stock use case. */
package io.collector.inventory.stock.messaging;
