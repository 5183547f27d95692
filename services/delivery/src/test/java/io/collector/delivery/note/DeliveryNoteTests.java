package io.collector.delivery.note;

import io.collector.delivery.order.OrderLine;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderConfirmed;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryNoteTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    final UUID bolts = UUID.randomUUID();
    final UUID nuts = UUID.randomUUID();
    final UUID main = UUID.randomUUID();
    final UUID carrier = UUID.randomUUID();

    DeliveryNote note() {
        OrderConfirmed order = new OrderConfirmed(UUID.randomUUID(), "ORD-2026-001", UUID.randomUUID(), UUID.randomUUID(),
                List.of(new OrderConfirmed.LineItem(bolts, "Bolts", 5, "pcs"), new OrderConfirmed.LineItem(nuts, "Nuts", 2, "box")));
        return DeliveryNote.createFor("acme", "DN-2026-001", order, NOW);
    }

    @Test
    void newNoteIsCreatedWithTheOrdersLineItems() {
        DeliveryNote note = note();

        assertThat(note.status()).isEqualTo(DeliveryNoteStatus.CREATED);
        assertThat(note.items()).extracting(DeliveryNote.Item::lineNo, DeliveryNote.Item::productId, DeliveryNote.Item::quantity,
                        DeliveryNote.Item::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, bolts, 5, "pcs"),
                        org.assertj.core.groups.Tuple.tuple(2, nuts, 2, "box"));
        assertThat(note.dispatchedItems()).isEmpty();
    }

    @Test
    void dispatchMovesCreatedToDispatchedAndRaisesDeliveryDispatched() {
        DeliveryNote note = note();

        DeliveryDispatched event = note.dispatch(List.of(), main, carrier, "TRACK-1", NOW);

        assertThat(note.status()).isEqualTo(DeliveryNoteStatus.DISPATCHED);
        assertThat(note.dispatchedAt()).isEqualTo(NOW);
        assertThat(event.deliveryNoteId()).isEqualTo(note.id());
        assertThat(event.deliveryNumber()).isEqualTo("DN-2026-001");
        assertThat(event.orderId()).isEqualTo(note.orderId());
        assertThat(event.items()).containsExactly(new DeliveryDispatched.Item(bolts, 5, main), new DeliveryDispatched.Item(nuts, 2, main));
        assertThat(event.trackingNumber()).isEqualTo("TRACK-1");
        assertThat(event.carrierId()).isEqualTo(carrier);
    }

    @Test
    void noteIsDispatchedOnlyOnce() {
        DeliveryNote note = note();
        note.dispatch(List.of(), main, null, null, NOW);

        assertThatThrownBy(() -> note.dispatch(List.of(), main, null, null, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("DISPATCHED");
    }

    @Test
    void dispatchWithoutAWarehouseForSomeProductIsRefusedNamingItAndChangesNothing() {
        DeliveryNote note = note();
        List<OrderLine> lines = List.of(new OrderLine(1, bolts, 5, main), new OrderLine(2, nuts, 2, null));

        assertThatThrownBy(() -> note.dispatch(lines, null, null, null, NOW))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining(nuts.toString())
                .hasMessageNotContaining(bolts.toString());
        assertThat(note.status()).isEqualTo(DeliveryNoteStatus.CREATED);
        assertThat(note.dispatchedItems()).isEmpty();
    }

    @Test
    void confirmDeliveryMovesDispatchedToDeliveredAndRaisesDeliveryConfirmed() {
        DeliveryNote note = note();
        note.dispatch(List.of(), main, null, null, NOW);

        DeliveryConfirmed event = note.confirmDelivery("https://pod.example/1", NOW.plusSeconds(60));

        assertThat(note.status()).isEqualTo(DeliveryNoteStatus.DELIVERED);
        assertThat(note.deliveredAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(event).isEqualTo(new DeliveryConfirmed(note.id(), "DN-2026-001", note.orderId(), note.customerId(),
                "https://pod.example/1"));
    }

    @Test
    void onlyADispatchedNoteCanBeConfirmed() {
        DeliveryNote created = note();
        assertThatThrownBy(() -> created.confirmDelivery(null, NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CREATED");

        DeliveryNote delivered = note();
        delivered.dispatch(List.of(), main, null, null, NOW);
        delivered.confirmDelivery(null, NOW);
        assertThatThrownBy(() -> delivered.confirmDelivery(null, NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("DELIVERED");
        assertThatThrownBy(() -> delivered.dispatch(List.of(), main, null, null, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void statusMachineAllowsOnlyForwardMoves() {
        assertThat(DeliveryNoteStatus.CREATED.canDispatch()).isTrue();
        assertThat(DeliveryNoteStatus.DISPATCHED.canDispatch()).isFalse();
        assertThat(DeliveryNoteStatus.DELIVERED.canDispatch()).isFalse();
        assertThat(DeliveryNoteStatus.CREATED.canConfirmDelivery()).isFalse();
        assertThat(DeliveryNoteStatus.DISPATCHED.canConfirmDelivery()).isTrue();
        assertThat(DeliveryNoteStatus.DELIVERED.canConfirmDelivery()).isFalse();
    }
}
