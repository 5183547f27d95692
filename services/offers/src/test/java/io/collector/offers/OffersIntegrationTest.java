package io.collector.offers;

import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One Spring context for every integration test class of this service: keep the configuration identical. */
@SpringBootTest(classes = OffersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=offers", "spring.profiles.active=test"})
public abstract class OffersIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, OffersApplication.NAME);
    }

    protected static String offerJson(UUID customerId, UUID productId, Instant validUntil) {
        return """
                {"customerId": "%s", "currency": "EUR", "validUntil": "%s",
                 "lineItems": [
                   {"productId": "%s", "description": "Office chair", "quantity": 5, "unitPrice": "300.00",
                    "discountPercent": 10, "taxPercent": 20},
                   {"description": "Assembly", "quantity": "1.5", "unitPrice": 40}
                 ]}""".formatted(customerId, validUntil, productId);
    }

    protected static String offerJson() {
        return offerJson(UUID.randomUUID(), UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.DAYS));
    }

    protected long rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class).single();
    }
}
