/** Drives a service's handlers without a broker, through the bus's own pipeline. */
package io.collector.eventbus.testkit;
