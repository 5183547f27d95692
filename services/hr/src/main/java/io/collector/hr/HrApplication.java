package io.collector.hr;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class HrApplication {

    public static final String NAME = "hr";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, hr.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(HrApplication.class).properties("spring.config.name=" + NAME);
    }
}
