package io.collector.service;

import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.security.JwtSecret;
import io.collector.service.security.LocalTokens;
import io.collector.service.security.ServiceSecurityProperties;
import io.collector.service.web.CorrelationIdFilter;
import io.collector.service.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * What every Collector service shares: JWT authentication with the tenant from the token, problem
 * details for every error, correlation ids, OpenAPI, document numbers. Services are servlet web
 * applications; a context without a web server (the bus demo's stand-ins) gets none of it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"},
        beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@Import({ServiceSecurityConfiguration.class, ProblemDetailsAdvice.class,
        io.collector.service.security.LocalTokenControllerRegistrar.class})
public class ServiceSupportAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceSupportAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    JwtSecret jwtSecret(ServiceSecurityProperties properties, Environment environment) {
        String secret = properties.getJwtSecret() != null ? properties.getJwtSecret() : environment.getProperty("COLLECTOR_JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            log.warn("COLLECTOR_JWT_SECRET is not set: using the development secret; never deploy like this");
            secret = LocalTokens.DEVELOPMENT_SECRET;
        } else if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("COLLECTOR_JWT_SECRET must be at least 32 bytes long (HS256)");
        }
        return new JwtSecret(secret);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // Before security, so that even a 401 carries the correlation id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI collectorOpenApi(@Value("${spring.application.name:collector}") String name) {
        return new OpenAPI()
                .info(new Info().title("Collector " + name).version("1")
                        .description("Authenticate with a bearer JWT whose tenant_id claim names your tenant."))
                .components(new Components().addSecuritySchemes("bearer-jwt",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer-jwt"));
    }

    @Bean
    @ConditionalOnProperty(prefix = "collector.eventbus", name = "service")
    DocumentNumbers documentNumbers(DataSource dataSource, Environment environment,
                                    ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        serviceMigrations.ifAvailable(initializer -> { });
        String schema = environment.getProperty("collector.eventbus.schema", environment.getProperty("collector.eventbus.service"));
        return new DocumentNumbers(dataSource, schema);
    }
}
