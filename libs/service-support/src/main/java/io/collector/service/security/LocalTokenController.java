package io.collector.service.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** {@code POST /local/tokens}: a token for a tenant, in the {@code local} profile only. */
@RestController
@Profile("local")
class LocalTokenController {

    record TokenRequest(@NotBlank String tenantId, String subject, List<String> roles) {
    }

    record TokenResponse(String token, String tokenType, long expiresInSeconds) {
    }

    private static final Duration VALIDITY = Duration.ofHours(12);

    private final String secret;

    LocalTokenController(JwtSecret secret) {
        this.secret = secret.value();
    }

    @PostMapping("/local/tokens")
    TokenResponse mint(@Valid @RequestBody TokenRequest request) {
        String subject = request.subject() == null ? "local-user" : request.subject();
        List<String> roles = request.roles() == null ? List.of("user") : request.roles();
        return new TokenResponse(LocalTokens.mint(secret, request.tenantId(), subject, roles, VALIDITY),
                "Bearer", VALIDITY.toSeconds());
    }
}
