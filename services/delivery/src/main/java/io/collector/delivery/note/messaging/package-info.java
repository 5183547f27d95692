/** {@code order.confirmed} → a delivery note. */
package io.collector.delivery.note.messaging;
