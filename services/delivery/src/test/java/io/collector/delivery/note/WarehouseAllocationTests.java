package io.collector.delivery.note;

import io.collector.delivery.order.OrderLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseAllocationTests {

    final UUID bolts = UUID.randomUUID();
    final UUID nuts = UUID.randomUUID();
    final UUID north = UUID.randomUUID();
    final UUID south = UUID.randomUUID();
    final UUID fallback = UUID.randomUUID();

    static DeliveryNote.Item item(int lineNo, UUID product, int quantity) {
        return new DeliveryNote.Item(lineNo, product, "goods", quantity, "pcs");
    }

    static DeliveryNote.DispatchedItem shipped(UUID product, int quantity, UUID warehouse) {
        return new DeliveryNote.DispatchedItem(product, quantity, warehouse);
    }

    @Test
    void eachItemLeavesFromTheWarehouseItsOrderLineNamed() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5), item(2, nuts, 2)),
                List.of(new OrderLine(1, bolts, 5, north), new OrderLine(2, nuts, 2, south)), fallback);

        assertThat(result.complete()).isTrue();
        assertThat(result.items()).containsExactly(shipped(bolts, 5, north), shipped(nuts, 2, south));
    }

    @Test
    void orderLineWarehouseWinsOverTheFallback() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5)), List.of(new OrderLine(1, bolts, 5, north)), fallback);

        assertThat(result.items()).containsExactly(shipped(bolts, 5, north));
    }

    @Test
    void linesThatNamedNoWarehouseAndProductsTheOrderDidNotListUseTheFallback() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5), item(2, nuts, 2)),
                List.of(new OrderLine(1, bolts, 5, null)), fallback);

        assertThat(result.items()).containsExactly(shipped(bolts, 5, fallback), shipped(nuts, 2, fallback));
    }

    @Test
    void withoutOrderLinesEverythingUsesTheFallback() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5)), List.of(), fallback);

        assertThat(result.items()).containsExactly(shipped(bolts, 5, fallback));
    }

    @Test
    void productSplitOverTwoWarehousesInTheOrderIsDispatchedFromBoth() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5)),
                List.of(new OrderLine(1, bolts, 3, north), new OrderLine(2, bolts, 2, south)), null);

        assertThat(result.complete()).isTrue();
        assertThat(result.items()).containsExactly(shipped(bolts, 3, north), shipped(bolts, 2, south));
    }

    @Test
    void quantityBeyondTheOrderLinesLeavesFromTheFallback() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 7)), List.of(new OrderLine(1, bolts, 5, north)), fallback);

        assertThat(result.items()).containsExactly(shipped(bolts, 5, north), shipped(bolts, 2, fallback));
    }

    @Test
    void twoNoteLinesOfOneProductConsumeTheOrderLinesInTurn() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 3), item(2, bolts, 2)),
                List.of(new OrderLine(1, bolts, 3, north), new OrderLine(2, bolts, 2, south)), null);

        assertThat(result.items()).containsExactly(shipped(bolts, 3, north), shipped(bolts, 2, south));
    }

    @Test
    void productsWithoutAnyWarehouseAreReportedOnceEach() {
        var result = WarehouseAllocation.allocate(List.of(item(1, bolts, 5), item(2, nuts, 2), item(3, nuts, 1)),
                List.of(new OrderLine(1, bolts, 5, north), new OrderLine(2, nuts, 2, null)), null);

        assertThat(result.complete()).isFalse();
        assertThat(result.productsWithoutWarehouse()).containsExactly(nuts);
    }
}
