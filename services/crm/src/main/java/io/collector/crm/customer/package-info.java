/** Customers, their addresses, and the per-invoice projection (issued and paid) their balances come from. */
package io.collector.crm.customer;
