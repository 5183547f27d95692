package io.collector.inventory;

import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's delivery.dispatched may be handled before its order.created (that one retried, replayed
 * from the DLQ, or simply on another queue's slower consumer). Each scenario runs in both orders and
 * must end with the same stock.
 */
class DispatchBeforeOrderIntegrationTests extends InventoryIntegrationTest {

    enum Arrival { ORDER_FIRST, DISPATCH_FIRST }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void aFullyDispatchedOrderHoldsNothingAndStockLowIsPublishedOnce(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant, "SKU-" + UUID.randomUUID().toString().substring(0, 8), 2, 8);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated order = order(line(product, 4, warehouse));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 4, warehouse)));

        JsonNode row = stock(tenant, product, warehouse);
        assertLevels(row, 6, 0, 0);
        assertThat(row.path("available").asInt()).isEqualTo(6);
        assertReservation(tenant, order.orderId(), 4, 0, 0, 4);
        assertThat(stockLowEventsWritten(tenant, product)).as("one crossing below 8 available").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void aPartlyDispatchedOrderHoldsOnlyTheRest(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated order = order(line(product, 2, warehouse), line(product, 3, warehouse));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 3, warehouse)));

        JsonNode row = stock(tenant, product, warehouse);
        assertLevels(row, 7, 2, 0);
        assertThat(row.path("available").asInt()).isEqualTo(5);
        assertReservation(tenant, order.orderId(), 5, 2, 0, 3);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void otherOrdersGiveWayOnlyAsFarAsOnHandNoLongerCoversThem(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID warehouse = createWarehouse(tenant, "Main", false);
        receive(tenant, product, warehouse, 10);
        OrderCreated other = order(line(product, 8, warehouse));
        awaitHandled(deliver(tenant, other));
        OrderCreated order = order(line(product, 4, warehouse));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 4, warehouse)));

        // 4 left, 6 on hand: the other order keeps 6 of its 8 either way, this one holds nothing.
        JsonNode row = stock(tenant, product, warehouse);
        assertLevels(row, 6, 6, 2);
        assertThat(row.path("available").asInt()).isZero();
        assertReservation(tenant, other.orderId(), 8, 6, 2, 0);
        assertReservation(tenant, order.orderId(), 4, 0, 0, 4);
        assertThat(api(tenant).get("/api/stock/discrepancies").json()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void goodsSentFromAnotherWarehouseFreeWhatTheOrderHeldInItsOwn(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID main = createWarehouse(tenant, "Main", true);
        UUID backup = createWarehouse(tenant, "Backup", false);
        receive(tenant, product, main, 10);
        receive(tenant, product, backup, 10);
        OrderCreated order = order(line(product, 4, null));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 4, backup)));

        assertLevels(stock(tenant, product, main), 10, 0, 0);
        assertLevels(stock(tenant, product, backup), 6, 0, 0);
        assertReservation(tenant, order.orderId(), 4, 0, 0, 0, 4);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void goodsSentFromAnotherWarehouseCoverTheShortfallBeforeReleasingReservedStock(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID main = createWarehouse(tenant, "Main", true);
        UUID backup = createWarehouse(tenant, "Backup", false);
        receive(tenant, product, main, 6);
        receive(tenant, product, backup, 10);
        OrderCreated order = order(line(product, 10, main));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 5, backup)));

        // 5 of the 10 left from Backup: the order still wants 5 from Main, which has 6 on hand.
        JsonNode mainRow = stock(tenant, product, main);
        assertLevels(mainRow, 6, 5, 0);
        assertThat(mainRow.path("available").asInt()).isEqualTo(1);
        assertLevels(stock(tenant, product, backup), 5, 0, 0);
        assertReservation(tenant, order.orderId(), 10, 5, 0, 0, 5);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void goodsSentBeyondWhatTheirWarehouseWasAskedForCoverTheOrdersOtherWarehouse(Arrival arrival) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID main = createWarehouse(tenant, "Main", true);
        UUID backup = createWarehouse(tenant, "Backup", false);
        receive(tenant, product, main, 10);
        receive(tenant, product, backup, 10);
        OrderCreated order = order(line(product, 3, main), line(product, 3, backup));

        handleBoth(tenant, arrival, order, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 6, backup)));

        assertLevels(stock(tenant, product, main), 10, 0, 0);
        assertLevels(stock(tenant, product, backup), 4, 0, 0);
        JsonNode reservations = api(tenant).get("/api/stock/reservations?orderId=" + order.orderId()).json();
        assertThat(reservations).hasSize(2);
        for (JsonNode reservation : reservations) {
            boolean inMain = reservation.path("warehouseId").asString().equals(main.toString());
            assertThat(reservation.path("reserved").asInt()).as("reserved of %s", reservation).isZero();
            assertThat(reservation.path("shortfall").asInt()).as("shortfall of %s", reservation).isZero();
            assertThat(reservation.path("dispatched").asInt()).as("dispatched of %s", reservation).isEqualTo(inMain ? 0 : 6);
            assertThat(reservation.path("dispatchedElsewhere").asInt()).as("dispatchedElsewhere of %s", reservation)
                    .isEqualTo(inMain ? 3 : 0);
        }
    }

    @Test
    void ordersAndTheirDispatchesFromAnotherWarehouseHandledSideBySideHoldNothing() {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID main = createWarehouse(tenant, "Main", true);
        UUID backup = createWarehouse(tenant, "Backup", false);
        receive(tenant, product, main, 100);
        receive(tenant, product, backup, 100);

        // Each order and its dispatch go out together, so their queues' consumers handle them at the same time.
        List<EventEnvelope<?>> events = transaction.execute(status -> {
            List<EventEnvelope<?>> published = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                OrderCreated order = order(line(product, 1, null));
                published.add(publisher.publish(tenant, order));
                published.add(publisher.publish(tenant, dispatch(order.orderId(), new DeliveryDispatched.Item(product, 1, backup))));
            }
            return published;
        });
        events.forEach(this::awaitHandled);

        assertLevels(stock(tenant, product, main), 100, 0, 0);
        assertLevels(stock(tenant, product, backup), 60, 0, 0);
    }

    /** Delivers the order and its dispatch in the given order, the second only once the first was handled. */
    private void handleBoth(String tenant, Arrival arrival, OrderCreated order, DeliveryDispatched delivery) {
        EventPayload first = arrival == Arrival.ORDER_FIRST ? order : delivery;
        EventPayload second = arrival == Arrival.ORDER_FIRST ? delivery : order;
        awaitHandled(deliver(tenant, first));
        awaitHandled(deliver(tenant, second));
    }

    private void assertReservation(String tenant, UUID orderId, int quantity, int reserved, int shortfall, int dispatched) {
        assertReservation(tenant, orderId, quantity, reserved, shortfall, dispatched, 0);
    }

    private void assertReservation(String tenant, UUID orderId, int quantity, int reserved, int shortfall, int dispatched,
                                   int dispatchedElsewhere) {
        JsonNode reservations = api(tenant).get("/api/stock/reservations?orderId=" + orderId).json();
        assertThat(reservations).as("reservations of order %s", orderId).hasSize(1);
        JsonNode reservation = reservations.get(0);
        assertThat(reservation.path("quantity").asInt()).as("quantity of %s", reservation).isEqualTo(quantity);
        assertThat(reservation.path("reserved").asInt()).as("reserved of %s", reservation).isEqualTo(reserved);
        assertThat(reservation.path("shortfall").asInt()).as("shortfall of %s", reservation).isEqualTo(shortfall);
        assertThat(reservation.path("dispatched").asInt()).as("dispatched of %s", reservation).isEqualTo(dispatched);
        assertThat(reservation.path("dispatchedElsewhere").asInt()).as("dispatchedElsewhere of %s", reservation)
                .isEqualTo(dispatchedElsewhere);
    }
}
