package io.collector.service.security;

/** The HS256 secret in use (local setups and tests). */
public record JwtSecret(String value) {
}
