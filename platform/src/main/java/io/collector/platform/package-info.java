/** The all-in-one launcher of Collector's services; for now the bus demo. */
package io.collector.platform;
