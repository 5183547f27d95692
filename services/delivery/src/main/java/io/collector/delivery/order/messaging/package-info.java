/** {@code order.created} → the order-line projection. */
package io.collector.delivery.order.messaging;
