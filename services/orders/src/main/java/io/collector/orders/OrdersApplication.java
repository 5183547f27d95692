package io.collector.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class OrdersApplication {

    public static final String NAME = "orders";

    public static void main(String[] args) {
        application().run(args);
    }

    /** How main and the platform start this service: its own config file, orders.yml, never application.yml. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OrdersApplication.class).properties("spring.config.name=" + NAME);
    }
}
