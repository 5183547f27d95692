/** REST API of warehouses. */
package io.collector.inventory.warehouse.web;
