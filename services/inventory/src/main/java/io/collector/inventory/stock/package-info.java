/** Stock per product and warehouse: goods receipts, reservations for orders, dispatches, low-stock reporting. */
package io.collector.inventory.stock;
