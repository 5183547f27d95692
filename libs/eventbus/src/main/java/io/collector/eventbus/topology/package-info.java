/** Queue names and the declaration of each handler's queue, delay queues and DLQ. */
package io.collector.eventbus.topology;
