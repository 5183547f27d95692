package io.collector.procurement.purchaseorder;

/** DRAFT → APPROVED → RECEIVED, and DRAFT or APPROVED → CANCELLED. RECEIVED and CANCELLED are final. */
public enum PurchaseOrderStatus {
    DRAFT,
    APPROVED,
    RECEIVED,
    CANCELLED;

    /** Open orders still hold their lines: no second line for the same product and warehouse meanwhile. */
    boolean isOpen() {
        return this == DRAFT || this == APPROVED;
    }
}
