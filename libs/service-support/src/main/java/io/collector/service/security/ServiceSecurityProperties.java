package io.collector.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

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
    /** Paths open without a token besides health, metrics, API docs and local tokens (e.g. a web app's pages). */
    private List<String> publicPaths = new ArrayList<>();

    public String getJwtSecret() { return jwtSecret; }
    public void setJwtSecret(String jwtSecret) { this.jwtSecret = jwtSecret; }
    public String getIssuerUri() { return issuerUri; }
    public void setIssuerUri(String issuerUri) { this.issuerUri = issuerUri; }
    public String getJwkSetUri() { return jwkSetUri; }
    public void setJwkSetUri(String jwkSetUri) { this.jwkSetUri = jwkSetUri; }
    public List<String> getPublicPaths() { return publicPaths; }
    public void setPublicPaths(List<String> publicPaths) { this.publicPaths = publicPaths; }
}
