package io.collector.platform;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.events.payload.StockLow;
import io.collector.platform.flow.SalesFlow;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five sales services in one JVM, as the platform runs them, on the real RabbitMQ and
 * PostgreSQL (isolated by a test run), driven only through their REST APIs.
 */
class SalesChainEndToEndIntegrationTests {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static CollectorPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = CollectorPlatform.start(service -> {
            Map<String, Object> properties = new HashMap<>(TestRun.properties(service));
            properties.put("server.port", "0");
            properties.put("logging.level.root", "WARN");
            return properties;
        });
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void offerTravelsToADispatchedDeliveryAndAReorderUnderOneCorrelationId() {
        String tenant = "tenant-" + UUID.randomUUID();
        String correlationId = "e2e-" + UUID.randomUUID();
        ConnectionFactory broker = platform.context("offers").getBean(ConnectionFactory.class);

        SalesFlow.Result result;
        try (EventCapture events = EventCapture.of(broker, TestRun.EXCHANGE, EventType.OFFER_APPROVED, EventType.ORDER_CREATED,
                EventType.ORDER_CONFIRMED, EventType.DELIVERY_DISPATCHED, EventType.STOCK_LOW)) {
            result = new SalesFlow(platform::port, STEP).run(tenant, correlationId, step -> { });

            List<EventEnvelope<?>> chain = List.of(
                    events.awaitOne(OfferApproved.class, e -> e.offerId().equals(result.offerId()), STEP),
                    events.awaitOne(OrderCreated.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(StockLow.class, e -> e.productId().equals(result.productId()), STEP),
                    events.awaitOne(OrderConfirmed.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(DeliveryDispatched.class, e -> e.orderId().equals(result.orderId()), STEP));

            assertThat(chain).allSatisfy(event -> {
                assertThat(event.correlationId()).as(event.type()).isEqualTo(correlationId);
                assertThat(event.tenantId()).as(event.type()).isEqualTo(tenant);
            });
            assertThat(chain.get(1).causationId()).as("order.created is caused by offer.approved")
                    .isEqualTo(chain.get(0).eventId().toString());
            assertThat(events.events(StockLow.class, e -> e.productId().equals(result.productId()))).hasSize(1);
        }
        assertThat(result.orderNumber()).startsWith("ORD-");
        assertThat(result.deliveryNumber()).startsWith("DN-");
        assertThat(result.purchaseOrderId()).isNotNull();
    }
}
