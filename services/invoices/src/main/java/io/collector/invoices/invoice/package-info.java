/** Invoices: the aggregate with its status machine and money rules, storage and use cases. */
package io.collector.invoices.invoice;
