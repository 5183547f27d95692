package io.collector.procurement.purchaseorder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderQuantityTests {

    @Test
    void ordersEnoughToBringStockOneAboveTheReorderLevel() {
        // The spec's example: 5 in stock, reorder level 20 → 16, so that 5 + 16 = 21 > 20.
        assertThat(ReorderQuantity.toRestock(5, 20)).isEqualTo(16);
        assertThat(ReorderQuantity.toRestock(0, 20)).isEqualTo(21);
        assertThat(ReorderQuantity.toRestock(19, 20)).isEqualTo(2);
    }

    @Test
    void ordersAtLeastOneEvenWhenStockIsNotBelowTheReorderLevel() {
        assertThat(ReorderQuantity.toRestock(20, 20)).isEqualTo(1);
        assertThat(ReorderQuantity.toRestock(50, 20)).isEqualTo(1);
        assertThat(ReorderQuantity.toRestock(0, 0)).isEqualTo(1);
    }

    @Test
    void neverOverflows() {
        assertThat(ReorderQuantity.toRestock(0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ReorderQuantity.toRestock(Integer.MAX_VALUE, 0)).isEqualTo(1);
    }
}
