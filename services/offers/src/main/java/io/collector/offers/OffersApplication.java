package io.collector.offers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class OffersApplication {

    public static final String NAME = "offers";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, offers.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OffersApplication.class).properties("spring.config.name=" + NAME);
    }
}
