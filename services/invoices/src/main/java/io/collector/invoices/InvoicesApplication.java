package io.collector.invoices;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class InvoicesApplication {

    public static final String NAME = "invoices";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, invoices.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(InvoicesApplication.class).properties("spring.config.name=" + NAME);
    }
}
