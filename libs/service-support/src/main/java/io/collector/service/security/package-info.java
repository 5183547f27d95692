/** JWT authentication: decoder, roles, local token minting. */
package io.collector.service.security;
