package io.collector.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code collector.security.*}. Locally, tokens are HS256-signed with {@code COLLECTOR_JWT_SECRET};
 * in production set an issuer or a JWK set URI and tokens are verified against the identity provider.
 */
@ConfigurationProperties("collector.security")
public class ServiceSecurityProperties {

    /** Only for local use and tests: at least 32 bytes. */
    private String jwtSecret;
    private String issuerUri;
    private String jwkSetUri;

    public String getJwtSecret() { return jwtSecret; }
    public void setJwtSecret(String jwtSecret) { this.jwtSecret = jwtSecret; }
    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
    public String getJwkSetUri() { return jwkSetUri; }
    public void setJwkSetUri(String jwkSetUri) { this.jwkSetUri = jwkSetUri; }
}
