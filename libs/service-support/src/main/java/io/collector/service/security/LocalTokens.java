package io.collector.service.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Mints HS256 tokens for local use and tests; a production deployment gets its tokens from an identity provider. */
public final class LocalTokens {

    /** Used when COLLECTOR_JWT_SECRET is not set, with a warning at start-up: for a laptop, never for a deployment. */
    public static final String DEVELOPMENT_SECRET = "collector-local-development-secret-not-for-production";

    private LocalTokens() {
    }

    public static String mint(String secret, String tenantId, String subject, List<String> roles, Duration validity) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key(secret)));
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("collector-local")
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(validity))
                .claim("roles", roles);
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    static SecretKeySpec key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("COLLECTOR_JWT_SECRET must be at least 32 bytes long for HS256, it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
