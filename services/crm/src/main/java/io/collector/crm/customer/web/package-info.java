/** REST API of customers, their balances and their payments. */
package io.collector.crm.customer.web;
