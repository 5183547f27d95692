package io.collector.inventory.stock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationTests {

    private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

    private static Reservation reservation(int reserved, int shortfall, Instant createdAt) {
        return new Reservation(UUID.randomUUID(), "t", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                reserved + shortfall, reserved, shortfall, 0, 0, createdAt);
    }

    @Test
    void opensWithTheAllocation() {
        Reservation reservation = Reservation.open("t", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Stock.Allocation(5, 3), T0);

        assertThat(reservation.quantity()).isEqualTo(8);
        assertThat(reservation.reserved()).isEqualTo(5);
        assertThat(reservation.shortfall()).isEqualTo(3);
    }

    @Test
    void opensAfterAnEarlierDispatchWithTheOrderedQuantityAndWhatAlreadyLeft() {
        Reservation reservation = Reservation.open("t", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 8, 2, 1,
                new Stock.Allocation(4, 1), T0);

        assertThat(reservation.quantity()).isEqualTo(8);
        assertThat(reservation.reserved()).isEqualTo(4);
        assertThat(reservation.shortfall()).isEqualTo(1);
        assertThat(reservation.dispatched()).isEqualTo(2);
        assertThat(reservation.dispatchedElsewhere()).isEqualTo(1);
    }

    @Test
    void goodsOfTheOrderFromAnotherWarehouseCoverTheShortfallBeforeReleasingWhatIsReserved() {
        Reservation reservation = reservation(6, 4, T0);

        assertThat(reservation.dispatchedElsewhere(3)).isEqualTo(new Reservation.Cover(3, 0));
        assertThat(reservation.reserved()).isEqualTo(6);
        assertThat(reservation.shortfall()).isEqualTo(1);

        assertThat(reservation.dispatchedElsewhere(4)).isEqualTo(new Reservation.Cover(4, 3));
        assertThat(reservation.reserved()).isEqualTo(3);
        assertThat(reservation.shortfall()).isZero();
        assertThat(reservation.dispatchedElsewhere()).isEqualTo(7);
        assertThat(reservation.dispatched()).as("nothing left from this warehouse").isZero();
    }

    @Test
    void goodsFromElsewhereBeyondTheOpenDemandCoverOnlyThatDemand() {
        Reservation reservation = reservation(2, 1, T0);

        assertThat(reservation.dispatchedElsewhere(10)).isEqualTo(new Reservation.Cover(3, 2));
        assertThat(reservation.open()).isZero();
        assertThat(reservation.dispatchedElsewhere()).isEqualTo(3);
    }

    @Test
    void dispatchReleasesTheReservedPartAndCoversTheShortfallWithTheRest() {
        Reservation reservation = reservation(5, 3, T0);

        reservation.dispatched(7, 5);

        assertThat(reservation.reserved()).isZero();
        assertThat(reservation.shortfall()).isEqualTo(1);
        assertThat(reservation.dispatched()).isEqualTo(7);
    }

    @Test
    void partialDispatchKeepsTheRestReserved() {
        Reservation reservation = reservation(5, 0, T0);

        reservation.dispatched(2, 2);

        assertThat(reservation.reserved()).isEqualTo(3);
        assertThat(reservation.dispatched()).isEqualTo(2);
    }

    @Test
    void newestReservationsGiveWayFirstAndTheirLossBecomesShortfall() {
        Reservation oldest = reservation(4, 0, T0);
        Reservation middle = reservation(2, 0, T0.plusSeconds(1));
        Reservation newest = reservation(1, 1, T0.plusSeconds(2));

        List<Reservation> changed = Reservation.giveWay(List.of(oldest, middle, newest), 2);

        assertThat(changed).containsExactly(newest, middle);
        assertThat(newest.reserved()).isZero();
        assertThat(newest.shortfall()).isEqualTo(2);
        assertThat(middle.reserved()).isEqualTo(1);
        assertThat(middle.shortfall()).isEqualTo(1);
        assertThat(oldest.reserved()).isEqualTo(4);
    }
}
