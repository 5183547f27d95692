package io.collector.service.tenant;

import io.collector.service.web.MissingTenantException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The tenant of the current request, from the {@code tenant_id} claim of its token: never from a
 * body field, so a caller cannot act for another tenant.
 */
public final class CurrentTenant {

    public static final String CLAIM = "tenant_id";

    private CurrentTenant() {
    }

    public static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String tenant = jwt.getToken().getClaimAsString(CLAIM);
            if (tenant != null && !tenant.isBlank()) {
                return tenant;
            }
        }
        throw new MissingTenantException();
    }

    /** Who acts, for audit records: the token's subject. */
    public static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
