package io.collector.inventory;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** order.created through the broker reserves stock. */
class ReservationIntegrationTests extends InventoryIntegrationTest {

    private static final String ORDER_CREATED = EventType.ORDER_CREATED.wireName();

    @Test
    void orderCreatedReservesStockForItsLines() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);

        OrderCreated order = order(line(product, 3, warehouse), line(product, 1, warehouse));
        deliver(tenant, order);

        JsonNode row = awaitStock(tenant, product, warehouse, levels(10, 4, 0));
        assertThat(row.path("available").asInt()).isEqualTo(6);
        JsonNode reservations = api(tenant).get("/api/stock/reservations?orderId=" + order.orderId()).json();
        assertThat(reservations).hasSize(1);
        assertThat(reservations.get(0).path("quantity").asInt()).isEqualTo(4);
        assertThat(reservations.get(0).path("reserved").asInt()).isEqualTo(4);
        assertThat(reservations.get(0).path("shortfall").asInt()).isZero();
    }

    @Test
    void theSameOrderCreatedDeliveredTwiceReservesOnce() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated order = order(line(product, 4, warehouse));

        EventEnvelope<OrderCreated> first = deliver(tenant, order);
        awaitStock(tenant, product, warehouse, levels(10, 4, 0));
        double duplicatesBefore = duplicates(ORDER_CREATED);

        redeliver(first);
        await().atMost(WAIT).until(() -> duplicates(ORDER_CREATED) > duplicatesBefore);
        EventEnvelope<OrderCreated> republished = deliver(tenant, order);
        awaitHandled(republished);

        assertLevels(stock(tenant, product, warehouse), 10, 4, 0);
        assertThat(api(tenant).get("/api/stock/reservations?orderId=" + order.orderId()).json()).hasSize(1);
    }

    @Test
    void lineWithoutWarehouseIsReservedInTheTenantsDefaultWarehouse() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID first = createWarehouse(tenant, "First", false);
        UUID preferred = createWarehouse(tenant, "Preferred", true);
        receive(tenant, product, first, 5);
        receive(tenant, product, preferred, 5);

        deliver(tenant, order(line(product, 2, null)));

        awaitStock(tenant, product, preferred, levels(5, 2, 0));
        assertLevels(stock(tenant, product, first), 5, 0, 0);
    }

    @Test
    void reservationBeyondAvailableIsRecordedAsShortfallNotAsNegativeStock() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 5);
        deliver(tenant, order(line(product, 2, warehouse)));
        awaitStock(tenant, product, warehouse, levels(5, 2, 0));

        OrderCreated big = order(line(product, 8, warehouse));
        deliver(tenant, big);

        JsonNode row = awaitStock(tenant, product, warehouse, levels(5, 5, 5));
        assertThat(row.path("available").asInt()).isZero();
        JsonNode reservation = api(tenant).get("/api/stock/reservations?orderId=" + big.orderId()).json().get(0);
        assertThat(reservation.path("quantity").asInt()).isEqualTo(8);
        assertThat(reservation.path("reserved").asInt()).isEqualTo(3);
        assertThat(reservation.path("shortfall").asInt()).isEqualTo(5);
    }

    @Test
    void orderWithAnUnknownProductIsDeadLetteredWithTheReasonAndReservesNothing() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 5);
        UUID unknown = UUID.randomUUID();

        EventEnvelope<OrderCreated> event = deliver(tenant, order(line(product, 2, warehouse), line(unknown, 1, warehouse)));

        Message dead = awaitDeadLettered(ORDER_CREATED, event);
        assertThat(dead.getMessageProperties().<String>getHeader("x-dead-letter-reason")).isEqualTo("PERMANENT_FAILURE");
        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("product " + unknown).contains("does not exist");
        assertLevels(stock(tenant, product, warehouse), 5, 0, 0);
    }

    @Test
    void orderOfATenantWithoutWarehousesIsDeadLettered() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);

        EventEnvelope<OrderCreated> event = deliver(tenant, order(line(product, 1, null)));

        Message dead = awaitDeadLettered(ORDER_CREATED, event);
        assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message")).contains("no warehouse");
    }
}
