package io.collector.orders;

import io.collector.events.payload.OfferApproved;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** One Spring context for every integration test class of this service: keep the configuration identical. */
@SpringBootTest(classes = OrdersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=orders", "spring.profiles.active=test"})
public abstract class OrdersIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, OrdersApplication.NAME);
    }

    /** An approved offer: 5 chairs (a product) and 1.5 h of assembly (a service line). */
    protected static OfferApproved approvedOffer(UUID productId) {
        return approvedOffer(UUID.randomUUID(), productId, "5");
    }

    protected static OfferApproved approvedOffer(UUID offerId, UUID productId, String productQuantity) {
        return new OfferApproved(offerId, "OFF-2026-042", UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.DAYS),
                "EUR", new BigDecimal("1680.00"), List.of(
                new OfferApproved.LineItem(productId, "Office chair", new BigDecimal(productQuantity),
                        new BigDecimal("300.00"), new BigDecimal("10"), new BigDecimal("20")),
                new OfferApproved.LineItem(null, "Assembly", new BigDecimal("1.5"), new BigDecimal("40.00"), null, null)));
    }

    protected long ordersOfOffer(String tenant, UUID offerId) {
        return jdbc.sql("select count(*) from orders where tenant_id = ? and offer_id = ?").params(tenant, offerId)
                .query(Long.class).single();
    }

    protected void awaitOrderOf(String tenant, UUID offerId) {
        await().atMost(WAIT).until(() -> ordersOfOffer(tenant, offerId) == 1);
    }

    protected long rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(tenant).query(Long.class).single();
    }

    protected long outbox(String tenant, String type) {
        return jdbc.sql("select count(*) from outbox where tenant_id = ? and event_type = ?").params(tenant, type)
                .query(Long.class).single();
    }
}
