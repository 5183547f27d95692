/** What every Collector service shares: security and tenancy, errors, correlation, OpenAPI, numbering. */
package io.collector.service;
