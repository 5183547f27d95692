package io.collector.procurement.purchaseorder.web;

import io.collector.procurement.purchaseorder.PurchaseOrder;
import io.collector.procurement.purchaseorder.PurchaseOrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A purchase order as the API shows it; {@code supplierId} is absent while no supplier is known. */
record PurchaseOrderResponse(
        UUID id,
        String poNumber,
        PurchaseOrderStatus status,
        UUID supplierId,
        List<Line> lines,
        Instant createdAt,
        Instant approvedAt,
        Instant receivedAt,
        Instant cancelledAt) {

    record Line(UUID id, int lineNo, UUID productId, String productName, String sku, UUID warehouseId, String warehouseName,
                int quantity, boolean open) {
    }

    static PurchaseOrderResponse of(PurchaseOrder order) {
        return new PurchaseOrderResponse(order.id(), order.poNumber(), order.status(), order.supplierId(),
                order.lines().stream().map(l -> new Line(l.id(), l.lineNo(), l.productId(), l.productName(), l.sku(),
                        l.warehouseId(), l.warehouseName(), l.quantity(), l.open())).toList(),
                order.createdAt(), order.approvedAt(), order.receivedAt(), order.cancelledAt());
    }
}
