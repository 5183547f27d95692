package io.collector.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class CrmApplication {

    public static final String NAME = "crm";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, crm.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CrmApplication.class).properties("spring.config.name=" + NAME);
    }
}
