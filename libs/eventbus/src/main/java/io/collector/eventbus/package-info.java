/** The event bus API for services: publish through the outbox, handle with @EventHandler. */
package io.collector.eventbus;
