/** REST API of delivery notes: {@code /api/delivery-notes}. */
package io.collector.delivery.note.web;
