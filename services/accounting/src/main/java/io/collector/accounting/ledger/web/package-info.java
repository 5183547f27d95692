/** REST API of the ledger: GET /api/accounts/{code}/balance and GET /api/trial-balance. */
package io.collector.accounting.ledger.web;
