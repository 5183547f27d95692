/** The chart of accounts: one per tenant, seeded with the standard accounts the first time the tenant is seen. */
package io.collector.accounting.account;
