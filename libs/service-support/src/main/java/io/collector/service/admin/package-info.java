/**
 * The service's admin API over its own event bus ({@code /api/admin/**}, role {@code admin}):
 * dead-letter queues (list, show, replay, discard with a reason) and the outbox (list, retry).
 */
package io.collector.service.admin;
