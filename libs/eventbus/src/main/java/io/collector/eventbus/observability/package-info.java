/** Metrics, health indicators, log context and W3C trace context of the bus. */
package io.collector.eventbus.observability;
