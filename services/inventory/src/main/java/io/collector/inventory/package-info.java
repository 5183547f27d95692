/** Inventory: products, warehouses and stock levels; reserves for orders, deducts on dispatch, reports low stock. */
package io.collector.inventory;
