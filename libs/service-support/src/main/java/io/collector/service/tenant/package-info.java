/** The tenant of the current request, taken from its token. */
package io.collector.service.tenant;
