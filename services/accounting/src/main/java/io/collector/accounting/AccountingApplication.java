package io.collector.accounting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class AccountingApplication {

    public static final String NAME = "accounting";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, accounting.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AccountingApplication.class).properties("spring.config.name=" + NAME);
    }
}
