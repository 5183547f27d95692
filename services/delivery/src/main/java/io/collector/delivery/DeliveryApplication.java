package io.collector.delivery;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class DeliveryApplication {

    public static final String NAME = "delivery";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, delivery.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DeliveryApplication.class).properties("spring.config.name=" + NAME);
    }
}
