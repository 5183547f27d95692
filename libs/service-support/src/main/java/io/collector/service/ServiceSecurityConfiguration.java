package io.collector.service;

import io.collector.service.security.JwtSecret;
import io.collector.service.security.ServiceSecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code /api/**} call needs a bearer JWT; health, metrics, API docs and (in the local
 * profile) token minting are open. Sessions are stateless, so CSRF protection has nothing to guard.
 */
@Configuration(proxyBeanMethods = false)
class ServiceSecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain collectorApiSecurity(HttpSecurity http, ServiceSecurityProperties properties) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(openPaths(properties)).permitAll()
                        .requestMatchers("/api/admin/**").hasRole("admin")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "A valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> problem(request, response, HttpStatus.FORBIDDEN,
                                "Forbidden", "The token does not allow this")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problem(request, response, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "A valid bearer token is required")))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                .build();
    }

    private static String[] openPaths(ServiceSecurityProperties properties) {
        List<String> paths = new ArrayList<>(List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/local/tokens", "/error"));
        paths.addAll(properties.getPublicPaths());
        return paths.toArray(String[]::new);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ServiceSecurityProperties properties, JwtSecret secret) {
        if (properties.getIssuerUri() != null) {
            return JwtDecoders.fromIssuerLocation(properties.getIssuerUri());
        }
        if (properties.getJwkSetUri() != null) {
            return NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).build();
        }
        SecretKeySpec key = new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** {@code roles: ["admin"]} → {@code ROLE_admin}. */
    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return authorities;
        });
        return converter;
    }

    /** Written by hand: outside Spring MVC there is no message converter to render a ProblemDetail as RFC 9457. */
    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                                String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String correlationId = org.slf4j.MDC.get("correlationId");
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
