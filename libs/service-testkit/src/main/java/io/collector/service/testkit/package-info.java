/** For services' tests: an isolated, self-cleaning test run and an HTTP client with tenant tokens. */
package io.collector.service.testkit;
