package io.collector.procurement.purchaseorder;

import io.collector.service.web.ConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A purchase order to one supplier (or, until someone picks one, to none). Lines are added while it
 * is a DRAFT; approving freezes it; receiving or cancelling closes its lines, after which a new
 * {@code stock.low} for the same product and warehouse opens a new line on a new draft.
 */
public final class PurchaseOrder {

    private final UUID id;
    private final String tenantId;
    private final String poNumber;
    private final UUID supplierId;
    private final Instant createdAt;
    private final List<PurchaseOrderLine> lines;
    private PurchaseOrderStatus status;
    private Instant approvedAt;
    private Instant receivedAt;
    private Instant cancelledAt;

    PurchaseOrder(UUID id, String tenantId, String poNumber, UUID supplierId, PurchaseOrderStatus status, Instant createdAt,
                  Instant approvedAt, Instant receivedAt, Instant cancelledAt, List<PurchaseOrderLine> lines) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.poNumber = Objects.requireNonNull(poNumber);
        this.supplierId = supplierId;
        this.status = Objects.requireNonNull(status);
        this.createdAt = createdAt;
        this.approvedAt = approvedAt;
        this.receivedAt = receivedAt;
        this.cancelledAt = cancelledAt;
        this.lines = new ArrayList<>(lines);
    }

    /** A new, empty DRAFT for the supplier (null: no supplier known yet). */
    static PurchaseOrder draft(String tenantId, String poNumber, UUID supplierId, Instant now) {
        return new PurchaseOrder(UUID.randomUUID(), tenantId, poNumber, supplierId, PurchaseOrderStatus.DRAFT, now,
                null, null, null, List.of());
    }

    /** Adds a line; only a DRAFT takes new lines. */
    PurchaseOrderLine addLine(UUID productId, String productName, String sku, UUID warehouseId, String warehouseName,
                              int quantity) {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new IllegalStateException("Purchase order " + poNumber + " is " + status + ": only a DRAFT takes new lines");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("A purchase order line needs a quantity of at least 1, not " + quantity);
        }
        int lineNo = lines.stream().mapToInt(PurchaseOrderLine::lineNo).max().orElse(0) + 1;
        PurchaseOrderLine line = new PurchaseOrderLine(UUID.randomUUID(), lineNo, productId, productName, sku, warehouseId,
                warehouseName, quantity, true);
        lines.add(line);
        return line;
    }

    /**
     * A later {@code stock.low} for a product and warehouse that already has an open line on this
     * DRAFT asks for more: the line grows to {@code quantity}, never shrinks. An APPROVED order is
     * not changed (it may have been sent). Returns the changed line, if any.
     */
    Optional<PurchaseOrderLine> raiseOpenLine(UUID productId, UUID warehouseId, int quantity) {
        if (status != PurchaseOrderStatus.DRAFT) {
            return Optional.empty();
        }
        for (int i = 0; i < lines.size(); i++) {
            PurchaseOrderLine l = lines.get(i);
            if (l.open() && l.productId().equals(productId) && l.warehouseId().equals(warehouseId) && l.quantity() < quantity) {
                PurchaseOrderLine raised = new PurchaseOrderLine(l.id(), l.lineNo(), l.productId(), l.productName(), l.sku(),
                        l.warehouseId(), l.warehouseName(), quantity, true);
                lines.set(i, raised);
                return Optional.of(raised);
            }
        }
        return Optional.empty();
    }

    /** DRAFT → APPROVED. */
    void approve(Instant now) {
        move(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.APPROVED, "approved");
        approvedAt = now;
    }

    /** APPROVED → RECEIVED: the goods arrived, the lines close. */
    void receive(Instant now) {
        move(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.RECEIVED, "received");
        receivedAt = now;
        closeLines();
    }

    /** DRAFT or APPROVED → CANCELLED: the lines close. */
    void cancel(Instant now) {
        if (!status.isOpen()) {
            throw new ConflictException("Purchase order " + poNumber + " is " + status
                    + " and cannot be cancelled: only a DRAFT or APPROVED order can be");
        }
        status = PurchaseOrderStatus.CANCELLED;
        cancelledAt = now;
        closeLines();
    }

    private void move(PurchaseOrderStatus from, PurchaseOrderStatus to, String verb) {
        if (status != from) {
            throw new ConflictException("Purchase order " + poNumber + " is " + status + " and cannot be " + verb
                    + ": only a " + from + " order can be");
        }
        status = to;
    }

    private void closeLines() {
        lines.replaceAll(l -> new PurchaseOrderLine(l.id(), l.lineNo(), l.productId(), l.productName(), l.sku(),
                l.warehouseId(), l.warehouseName(), l.quantity(), false));
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String poNumber() { return poNumber; }
    public UUID supplierId() { return supplierId; }
    public PurchaseOrderStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant approvedAt() { return approvedAt; }
    public Instant receivedAt() { return receivedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public List<PurchaseOrderLine> lines() { return List.copyOf(lines); }
}
