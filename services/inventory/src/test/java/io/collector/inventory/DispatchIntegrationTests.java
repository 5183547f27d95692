package io.collector.inventory;

import io.collector.events.EventEnvelope;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** delivery.dispatched through the broker deducts stock and releases reservations. */
class DispatchIntegrationTests extends InventoryIntegrationTest {

    @Test
    void dispatchDeductsOnHandAndReleasesTheOrdersReservationOnce() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated order = order(line(product, 4, warehouse));
        deliver(tenant, order);
        awaitStock(tenant, product, warehouse, levels(10, 4, 0));

        DeliveryDispatched delivery = dispatch(order.orderId(), new DeliveryDispatched.Item(product, 4, warehouse));
        deliver(tenant, delivery);

        JsonNode row = awaitStock(tenant, product, warehouse, levels(6, 0, 0));
        assertThat(row.path("available").asInt()).isEqualTo(6);
        JsonNode reservation = api(tenant).get("/api/stock/reservations?orderId=" + order.orderId()).json().get(0);
        assertThat(reservation.path("reserved").asInt()).isZero();
        assertThat(reservation.path("dispatched").asInt()).isEqualTo(4);

        EventEnvelope<DeliveryDispatched> republished = deliver(tenant, delivery);
        awaitHandled(republished);
        assertLevels(stock(tenant, product, warehouse), 6, 0, 0);
    }

    @Test
    void dispatchBeyondOnHandDeductsWhatIsThereAndRecordsTheDiscrepancy() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 3);
        OrderCreated order = order(line(product, 5, warehouse));
        deliver(tenant, order);
        awaitStock(tenant, product, warehouse, levels(3, 3, 2));

        DeliveryDispatched delivery = dispatch(order.orderId(), new DeliveryDispatched.Item(product, 5, warehouse));
        deliver(tenant, delivery);

        JsonNode row = awaitStock(tenant, product, warehouse, levels(0, 0, 0));
        assertThat(row.path("available").asInt()).isZero();
        JsonNode discrepancies = api(tenant).get("/api/stock/discrepancies").json();
        assertThat(discrepancies).hasSize(1);
        assertThat(discrepancies.get(0).path("deliveryNoteId").asString()).isEqualTo(delivery.deliveryNoteId().toString());
        assertThat(discrepancies.get(0).path("dispatched").asInt()).isEqualTo(5);
        assertThat(discrepancies.get(0).path("deducted").asInt()).isEqualTo(3);
        assertThat(discrepancies.get(0).path("missing").asInt()).isEqualTo(2);
    }

    @Test
    void goodsReservedForAnotherOrderThatLeftBecomeItsShortfall() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated first = order(line(product, 6, warehouse));
        OrderCreated second = order(line(product, 4, warehouse));
        deliver(tenant, first);
        deliver(tenant, second);
        awaitStock(tenant, product, warehouse, levels(10, 10, 0));

        deliver(tenant, dispatch(first.orderId(), new DeliveryDispatched.Item(product, 8, warehouse)));

        awaitStock(tenant, product, warehouse, levels(2, 2, 2));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode reservation = api(tenant).get("/api/stock/reservations?orderId=" + second.orderId()).json().get(0);
            assertThat(reservation.path("reserved").asInt()).isEqualTo(2);
            assertThat(reservation.path("shortfall").asInt()).isEqualTo(2);
        });
    }
}
