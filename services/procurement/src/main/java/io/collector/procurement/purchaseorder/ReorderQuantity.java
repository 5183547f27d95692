package io.collector.procurement.purchaseorder;

/**
 * How much to order when stock runs low: enough to bring the stock strictly above the reorder level,
 * {@code reorderLevel − currentQuantity + 1}, and always at least 1 (a {@code stock.low} whose stock
 * is already at or above the reorder level still orders one). Stock that is already on order is not
 * subtracted: while a line is open for the product and warehouse, no second one is opened anyway.
 */
final class ReorderQuantity {

    private ReorderQuantity() {
    }

    static int toRestock(int currentQuantity, int reorderLevel) {
        long quantity = (long) reorderLevel - currentQuantity + 1;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, quantity));
    }
}
