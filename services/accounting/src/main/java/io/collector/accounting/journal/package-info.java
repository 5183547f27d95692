/** The double-entry journal: entries that always balance, posted once per business event by the posting rules. */
package io.collector.accounting.journal;
