/** REST API of the journal: GET /api/journal-entries. */
package io.collector.accounting.journal.web;
