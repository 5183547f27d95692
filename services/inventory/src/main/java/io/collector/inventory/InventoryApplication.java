package io.collector.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class InventoryApplication {

    public static final String NAME = "inventory";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, inventory.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(InventoryApplication.class).properties("spring.config.name=" + NAME);
    }
}
