package io.collector.procurement.purchaseorder;

import io.collector.service.web.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrderTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    final UUID bolts = UUID.randomUUID();
    final UUID main = UUID.randomUUID();

    PurchaseOrder draftWithLine() {
        PurchaseOrder order = PurchaseOrder.draft("acme", "PO-2026-001", null, NOW);
        order.addLine(bolts, "Bolts", "B-1", main, "Main", 16);
        return order;
    }

    @Test
    void newDraftTakesLinesNumberedInTurn() {
        PurchaseOrder order = draftWithLine();
        PurchaseOrderLine second = order.addLine(UUID.randomUUID(), "Nuts", "N-1", main, "Main", 3);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
        assertThat(second.lineNo()).isEqualTo(2);
        assertThat(order.lines()).hasSize(2).allMatch(PurchaseOrderLine::open);
    }

    @Test
    void approveMovesDraftToApprovedOnly() {
        PurchaseOrder order = draftWithLine();

        order.approve(NOW);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.APPROVED);
        assertThat(order.approvedAt()).isEqualTo(NOW);
        assertThat(order.lines()).allMatch(PurchaseOrderLine::open);
        assertThatThrownBy(() -> order.approve(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("APPROVED");
    }

    @Test
    void receiveMovesApprovedToReceivedAndClosesTheLines() {
        PurchaseOrder order = draftWithLine();
        assertThatThrownBy(() -> order.receive(NOW)).as("a draft cannot be received").isInstanceOf(ConflictException.class)
                .hasMessageContaining("DRAFT");
        order.approve(NOW);

        order.receive(NOW);

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(order.receivedAt()).isEqualTo(NOW);
        assertThat(order.lines()).noneMatch(PurchaseOrderLine::open);
        assertThatThrownBy(() -> order.receive(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order.approve(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void draftOrApprovedOrderCanBeCancelledWhichClosesItsLines() {
        PurchaseOrder draft = draftWithLine();
        draft.cancel(NOW);
        assertThat(draft.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(draft.lines()).noneMatch(PurchaseOrderLine::open);
        assertThatThrownBy(() -> draft.approve(NOW)).isInstanceOf(ConflictException.class);

        PurchaseOrder approved = draftWithLine();
        approved.approve(NOW);
        approved.cancel(NOW);
        assertThat(approved.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThatThrownBy(() -> approved.receive(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyADraftTakesNewLines() {
        PurchaseOrder order = draftWithLine();
        order.approve(NOW);

        assertThatThrownBy(() -> order.addLine(UUID.randomUUID(), "Nuts", "N-1", main, "Main", 3))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openLineOnADraftGrowsButNeverShrinks() {
        PurchaseOrder order = draftWithLine();

        assertThat(order.raiseOpenLine(bolts, main, 10)).isEmpty();
        assertThat(order.raiseOpenLine(bolts, main, 19)).hasValueSatisfying(l -> assertThat(l.quantity()).isEqualTo(19));
        assertThat(order.lines().get(0).quantity()).isEqualTo(19);
        assertThat(order.raiseOpenLine(bolts, UUID.randomUUID(), 50)).as("another warehouse").isEmpty();
    }

    @Test
    void approvedOrderIsNotChangedByALaterShortage() {
        PurchaseOrder order = draftWithLine();
        order.approve(NOW);

        assertThat(order.raiseOpenLine(bolts, main, 100)).isEmpty();
        assertThat(order.lines().get(0).quantity()).isEqualTo(16);
    }

    @Test
    void onlyDraftAndApprovedAreOpen() {
        assertThat(PurchaseOrderStatus.DRAFT.isOpen()).isTrue();
        assertThat(PurchaseOrderStatus.APPROVED.isOpen()).isTrue();
        assertThat(PurchaseOrderStatus.RECEIVED.isOpen()).isFalse();
        assertThat(PurchaseOrderStatus.CANCELLED.isOpen()).isFalse();
    }
}
