/** Delivery Notes service: a delivery note per confirmed order, dispatched from warehouses and confirmed on delivery. */
package io.collector.delivery;
