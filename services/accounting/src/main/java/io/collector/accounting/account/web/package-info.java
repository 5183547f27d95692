/** REST API of the chart of accounts: GET /api/accounts. */
package io.collector.accounting.account.web;
