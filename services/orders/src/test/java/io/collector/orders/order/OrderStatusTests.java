package io.collector.orders.order;

import org.junit.jupiter.api.Test;

import static io.collector.orders.order.OrderStatus.CANCELLED;
import static io.collector.orders.order.OrderStatus.CONFIRMED;
import static io.collector.orders.order.OrderStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

    @Test
    void aPendingOrderCanBeConfirmedOrCancelled() {
        assertThat(PENDING.canMoveTo(CONFIRMED)).isTrue();
        assertThat(PENDING.canMoveTo(CANCELLED)).isTrue();
    }

    @Test
    void aConfirmedOrderIsFinal() {
        assertThat(CONFIRMED.canMoveTo(CONFIRMED)).isFalse();
        assertThat(CONFIRMED.canMoveTo(CANCELLED)).isFalse();
        assertThat(CONFIRMED.canMoveTo(PENDING)).isFalse();
    }

    @Test
    void aCancelledOrderIsFinal() {
        assertThat(CANCELLED.canMoveTo(CONFIRMED)).isFalse();
        assertThat(CANCELLED.canMoveTo(CANCELLED)).isFalse();
        assertThat(CANCELLED.canMoveTo(PENDING)).isFalse();
    }

    @Test
    void nothingMovesToPendingOrStaysWhereItIs() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canMoveTo(PENDING)).as(status + " → PENDING").isFalse();
            assertThat(status.canMoveTo(status)).as(status + " → " + status).isFalse();
        }
    }
}
