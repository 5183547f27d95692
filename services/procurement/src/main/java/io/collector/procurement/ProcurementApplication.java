package io.collector.procurement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ProcurementApplication {

    public static final String NAME = "procurement";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, procurement.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ProcurementApplication.class).properties("spring.config.name=" + NAME);
    }
}
