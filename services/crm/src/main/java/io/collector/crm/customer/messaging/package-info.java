/** Consumers of invoice.issued and invoice.paid: each event is one customer-account use case. */
package io.collector.crm.customer.messaging;
