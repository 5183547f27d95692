package io.collector.service.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/** Brings in the token-minting endpoint in the {@code local} profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@Import(LocalTokenController.class)
public class LocalTokenControllerRegistrar {
}
