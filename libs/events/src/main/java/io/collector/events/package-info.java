/** Collector's wire contracts: the event envelope, the 11 payload records, their JSON Schemas and the catalog. */
package io.collector.events;
