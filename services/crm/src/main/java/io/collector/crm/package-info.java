/** CRM: customers with addresses, and their payment history and balances projected from invoice events. */
package io.collector.crm;
