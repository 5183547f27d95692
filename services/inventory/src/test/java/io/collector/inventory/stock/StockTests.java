package io.collector.inventory.stock;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockTests {

    private static Stock stock(int onHand, int reserved, int reorderLevel) {
        return new Stock("t", UUID.randomUUID(), UUID.randomUUID(), reorderLevel, onHand, reserved, false);
    }

    @Nested
    class Reserving {

        @Test
        void reservesWhatIsAvailable() {
            Stock stock = stock(10, 2, 0);

            Stock.Allocation allocation = stock.reserve(5);

            assertThat(allocation).isEqualTo(new Stock.Allocation(5, 0));
            assertThat(stock.onHand()).isEqualTo(10);
            assertThat(stock.reserved()).isEqualTo(7);
            assertThat(stock.available()).isEqualTo(3);
        }

        @Test
        void recordsWhatIsNotAvailableAsShortfallNeverAsNegativeStock() {
            Stock stock = stock(10, 7, 0);

            Stock.Allocation allocation = stock.reserve(5);

            assertThat(allocation).isEqualTo(new Stock.Allocation(3, 2));
            assertThat(stock.reserved()).isEqualTo(10);
            assertThat(stock.available()).isZero();
        }

        @Test
        void reservesNothingFromAnEmptyWarehouse() {
            Stock stock = Stock.empty("t", UUID.randomUUID(), UUID.randomUUID(), 0);

            assertThat(stock.reserve(4)).isEqualTo(new Stock.Allocation(0, 4));
            assertThat(stock.onHand()).isZero();
            assertThat(stock.reserved()).isZero();
        }

        @Test
        void refusesANonPositiveQuantity() {
            assertThatThrownBy(() -> stock(10, 0, 0).reserve(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Dispatching {

        @Test
        void deductsOnHandAndReleasesTheOrdersReservation() {
            Stock stock = stock(10, 6, 0);

            Stock.Dispatch dispatch = stock.dispatch(4, 4);

            assertThat(dispatch).isEqualTo(new Stock.Dispatch(4, 4, 0, 0));
            assertThat(stock.onHand()).isEqualTo(6);
            assertThat(stock.reserved()).isEqualTo(2);
            assertThat(stock.available()).isEqualTo(4);
        }

        @Test
        void dispatchWithoutReservationTakesFromAvailable() {
            Stock stock = stock(10, 0, 0);

            assertThat(stock.dispatch(3, 0)).isEqualTo(new Stock.Dispatch(3, 0, 0, 0));
            assertThat(stock.available()).isEqualTo(7);
        }

        @Test
        void neverDeductsBelowZeroAndReportsTheRestAsMissing() {
            Stock stock = stock(3, 3, 0);

            Stock.Dispatch dispatch = stock.dispatch(5, 3);

            assertThat(dispatch).isEqualTo(new Stock.Dispatch(3, 3, 2, 0));
            assertThat(stock.onHand()).isZero();
            assertThat(stock.reserved()).isZero();
        }

        @Test
        void goodsHeldForOtherOrdersThatLeftAreNoLongerReserved() {
            // 10 on hand: 6 held for the dispatched order, 4 for another; 8 leave.
            Stock stock = stock(10, 10, 0);

            Stock.Dispatch dispatch = stock.dispatch(8, 6);

            assertThat(dispatch).isEqualTo(new Stock.Dispatch(8, 6, 0, 2));
            assertThat(stock.onHand()).isEqualTo(2);
            assertThat(stock.reserved()).isEqualTo(2);
            assertThat(stock.available()).isZero();
        }

        @Test
        void refusesToReleaseMoreThanIsReserved() {
            assertThatThrownBy(() -> stock(10, 2, 0).dispatch(4, 3)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LowStock {

        @Test
        void crossingBelowTheReorderLevelIsReportedOnce() {
            Stock stock = stock(20, 0, 10);

            stock.reserve(8);
            assertThat(stock.crossedBelowReorderLevel()).as("12 available, level 10").isFalse();
            stock.reserve(5);
            assertThat(stock.crossedBelowReorderLevel()).as("7 available: crossed").isTrue();
            stock.reserve(1);
            assertThat(stock.crossedBelowReorderLevel()).as("6 available: still below, already reported").isFalse();
            stock.dispatch(2, 2);
            assertThat(stock.crossedBelowReorderLevel()).as("a dispatch while below").isFalse();
        }

        @Test
        void receiptBackAtTheReorderLevelArmsTheNextCrossing() {
            Stock stock = stock(20, 0, 10);
            stock.reserve(13);
            assertThat(stock.crossedBelowReorderLevel()).isTrue();

            stock.receive(5);
            assertThat(stock.crossedBelowReorderLevel()).as("a receipt never reports").isFalse();
            assertThat(stock.lowNotified()).as("12 available is at or above 10").isFalse();

            stock.reserve(3);
            assertThat(stock.crossedBelowReorderLevel()).as("9 available: a new crossing").isTrue();
        }

        @Test
        void receiptThatStaysBelowTheLevelDoesNotArmAnotherReport() {
            Stock stock = stock(20, 0, 10);
            stock.reserve(15);
            assertThat(stock.crossedBelowReorderLevel()).isTrue();

            stock.receive(2);
            stock.reserve(1);

            assertThat(stock.crossedBelowReorderLevel()).as("never back at 10: the same stay below").isFalse();
        }

        @Test
        void firstDemandOnAProductWithoutStockReportsIt() {
            Stock stock = Stock.empty("t", UUID.randomUUID(), UUID.randomUUID(), 5);

            stock.reserve(2);

            assertThat(stock.crossedBelowReorderLevel()).isTrue();
        }

        @Test
        void dispatchCanCrossTheLevel() {
            Stock stock = stock(12, 0, 10);

            stock.dispatch(3, 0);

            assertThat(stock.crossedBelowReorderLevel()).isTrue();
        }

        @Test
        void reorderLevelZeroIsNeverCrossed() {
            Stock stock = stock(3, 0, 0);

            stock.reserve(5);

            assertThat(stock.crossedBelowReorderLevel()).isFalse();
        }
    }

    @Test
    void releasingGivesBackAvailableAndRearmsTheLowReportOnceAtTheLevelAgain() {
        Stock stock = stock(12, 0, 10);
        stock.reserve(4);
        assertThat(stock.crossedBelowReorderLevel()).isTrue();

        stock.release(3);

        assertThat(stock.reserved()).isEqualTo(1);
        assertThat(stock.available()).isEqualTo(11);
        stock.reserve(2);
        assertThat(stock.crossedBelowReorderLevel()).as("back at 10 in between: a new stay below").isTrue();
    }

    @Test
    void refusesToReleaseMoreThanIsReserved() {
        assertThatThrownBy(() -> stock(5, 2, 0).release(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receivingAddsToOnHand() {
        Stock stock = stock(3, 1, 0);

        stock.receive(4);

        assertThat(stock.onHand()).isEqualTo(7);
        assertThat(stock.available()).isEqualTo(6);
    }

    @Test
    void receivingBeyondTheIntegerRangeFails() {
        assertThatThrownBy(() -> stock(Integer.MAX_VALUE, 0, 0).receive(1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesAnInconsistentRow() {
        assertThatThrownBy(() -> stock(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
