/** The Orders service: orders from approved offers or placed directly; publishes {@code order.created} and {@code order.confirmed}. */
package io.collector.orders;
