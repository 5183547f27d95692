/** Warehouses: where stock is kept; each tenant has one default warehouse. */
package io.collector.inventory.warehouse;
