package io.collector.inventory;

import io.collector.service.testkit.EventCapture;
import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.StockLow;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** stock.low on the wire: once per crossing below the reorder level. */
class LowStockIntegrationTests extends InventoryIntegrationTest {

    @Test
    void stockLowIsPublishedOncePerCrossingBelowTheReorderLevel() {
        String tenant = newTenant();
        UUID product = createProduct(tenant, "SKU-LOW", 5, 10);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 20);

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.STOCK_LOW)) {
            deliver(tenant, order(line(product, 8, warehouse)));
            awaitStock(tenant, product, warehouse, levels(20, 8, 0));
            assertThat(stockLowEventsWritten(tenant, product)).as("12 available, level 10").isZero();

            deliver(tenant, order(line(product, 5, warehouse)));
            EventEnvelope<StockLow> first = capture.awaitOne(StockLow.class, e -> e.productId().equals(product), WAIT);
            assertThat(first.tenantId()).isEqualTo(tenant);
            assertThat(first.data()).isEqualTo(new StockLow(product, "Product SKU-LOW", "SKU-LOW", warehouse, "Main", 7, 5, 10));

            deliver(tenant, order(line(product, 1, warehouse)));
            awaitStock(tenant, product, warehouse, levels(20, 14, 0));
            assertThat(stockLowEventsWritten(tenant, product)).as("6 available: the same stay below").isEqualTo(1);

            receive(tenant, product, warehouse, 10);
            assertThat(stockLowEventsWritten(tenant, product)).as("16 available: back above, a receipt never reports").isEqualTo(1);

            deliver(tenant, order(line(product, 8, warehouse)));
            await().atMost(WAIT).until(() -> capture.events(StockLow.class, e -> e.productId().equals(product)).size() == 2);
            assertThat(capture.events(StockLow.class, e -> e.productId().equals(product)).get(1).data().currentQuantity())
                    .isEqualTo(8);
            assertThat(stockLowEventsWritten(tenant, product)).isEqualTo(2);
        }
    }
}
