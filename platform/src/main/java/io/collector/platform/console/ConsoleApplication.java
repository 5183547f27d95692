package io.collector.platform.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The operator's web console: the services' health, event rates, dead-letter queues with replay,
 * and every event of one business flow in order. A web application of its own beside the services,
 * reading their bus tables and calling their admin APIs; it publishes and consumes nothing.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleApplication {

    public static final String NAME = "console";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsoleApplication.class).properties("spring.config.name=" + NAME);
    }
}
