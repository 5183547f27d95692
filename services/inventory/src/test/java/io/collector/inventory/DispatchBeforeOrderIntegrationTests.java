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
        TwoWarehouses w = stocked(10, 10);
        OrderCreated order = order(line(w.product(), 4, null));

        handleBoth(w.tenant(), arrival, order,
                dispatch(order.orderId(), new DeliveryDispatched.Item(w.product(), 4, w.backup())));

        assertLevels(stock(w.tenant(), w.product(), w.main()), 10, 0, 0);
        assertLevels(stock(w.tenant(), w.product(), w.backup()), 6, 0, 0);
        assertReservation(w.tenant(), order.orderId(), 4, 0, 0, 0, 4);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void goodsSentFromAnotherWarehouseCoverTheShortfallBeforeReleasingReservedStock(Arrival arrival) {
        TwoWarehouses w = stocked(6, 10);
        OrderCreated order = order(line(w.product(), 10, w.main()));

        handleBoth(w.tenant(), arrival, order,
                dispatch(order.orderId(), new DeliveryDispatched.Item(w.product(), 5, w.backup())));

        // 5 of the 10 left from Backup: the order still wants 5 from Main, which has 6 on hand.
        JsonNode mainRow = stock(w.tenant(), w.product(), w.main());
        assertLevels(mainRow, 6, 5, 0);
        assertThat(mainRow.path("available").asInt()).isEqualTo(1);
        assertLevels(stock(w.tenant(), w.product(), w.backup()), 5, 0, 0);
        assertReservation(w.tenant(), order.orderId(), 10, 5, 0, 0, 5);
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void goodsSentBeyondWhatTheirWarehouseWasAskedForCoverTheOrdersOtherWarehouse(Arrival arrival) {
        TwoWarehouses w = stocked(10, 10);
        OrderCreated order = order(line(w.product(), 3, w.main()), line(w.product(), 3, w.backup()));

        handleBoth(w.tenant(), arrival, order,
                dispatch(order.orderId(), new DeliveryDispatched.Item(w.product(), 6, w.backup())));

        assertLevels(stock(w.tenant(), w.product(), w.main()), 10, 0, 0);
        assertLevels(stock(w.tenant(), w.product(), w.backup()), 4, 0, 0);
        JsonNode reservations = api(w.tenant()).get("/api/stock/reservations?orderId=" + order.orderId()).json();
        assertThat(reservations).hasSize(2);
        for (JsonNode reservation : reservations) {
            boolean inMain = reservation.path("warehouseId").asString().equals(w.main().toString());
            assertReservationFields(reservation, 3, 0, 0, inMain ? 0 : 6, inMain ? 3 : 0);
        }
    }

    @Test
    void ordersAndTheirDispatchesFromAnotherWarehouseHandledSideBySideHoldNothing() {
        TwoWarehouses w = stocked(100, 100);

        // Each order and its dispatch go out together, so their queues' consumers handle them at the same time.
        List<EventEnvelope<?>> events = transaction.execute(status -> {
            List<EventEnvelope<?>> published = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                OrderCreated order = order(line(w.product(), 1, null));
                published.add(publisher.publish(w.tenant(), order));
                published.add(publisher.publish(w.tenant(),
                        dispatch(order.orderId(), new DeliveryDispatched.Item(w.product(), 1, w.backup()))));
            }
            return published;
        });
        events.forEach(this::awaitHandled);

        assertLevels(stock(w.tenant(), w.product(), w.main()), 100, 0, 0);
        assertLevels(stock(w.tenant(), w.product(), w.backup()), 60, 0, 0);
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
        assertReservationFields(reservations.get(0), quantity, reserved, shortfall, dispatched, dispatchedElsewhere);
    }

    private static void assertReservationFields(JsonNode reservation, int quantity, int reserved, int shortfall,
                                                int dispatched, int dispatchedElsewhere) {
        assertThat(reservation.path("quantity").asInt()).as("quantity of %s", reservation).isEqualTo(quantity);
        assertThat(reservation.path("reserved").asInt()).as("reserved of %s", reservation).isEqualTo(reserved);
        assertThat(reservation.path("shortfall").asInt()).as("shortfall of %s", reservation).isEqualTo(shortfall);
        assertThat(reservation.path("dispatched").asInt()).as("dispatched of %s", reservation).isEqualTo(dispatched);
        assertThat(reservation.path("dispatchedElsewhere").asInt()).as("dispatchedElsewhere of %s", reservation)
                .isEqualTo(dispatchedElsewhere);
    }

    /** A tenant with one product in a default warehouse "Main" and a second one, "Backup". */
    private record TwoWarehouses(String tenant, UUID product, UUID main, UUID backup) {
    }

    private TwoWarehouses stocked(int inMain, int inBackup) {
        String tenant = newTenant();
        UUID product = createProduct(tenant);
        UUID main = createWarehouse(tenant, "Main", true);
        UUID backup = createWarehouse(tenant, "Backup", false);
        receive(tenant, product, main, inMain);
        receive(tenant, product, backup, inBackup);
        return new TwoWarehouses(tenant, product, main, backup);
    }
}
