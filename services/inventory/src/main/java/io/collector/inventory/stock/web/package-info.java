/** REST API of stock levels, goods receipts, reservations and dispatch discrepancies. */
package io.collector.inventory.stock.web;
