/** Consumers of invoice.issued, invoice.paid and payroll.processed: each event is one journal posting. */
package io.collector.accounting.journal.messaging;
