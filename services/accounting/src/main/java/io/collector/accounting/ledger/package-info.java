/** The ledger: balances per account and currency, and the trial balance, summed from the journal. */
package io.collector.accounting.ledger;
