/** Consuming: handlers, the dispatcher with its inbox and savepoints, queue consumers, retry and DLQ routing. */
package io.collector.eventbus.inbound;
