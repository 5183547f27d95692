package io.collector.delivery.note;

import io.collector.delivery.order.OrderLine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which warehouse each item of a note leaves from. The order's own lines (from
 * {@code order.created}) come first: a note item takes its quantity from the order's lines of the
 * same product, in line order, each line from the warehouse it named, so an order that split a
 * product over two warehouses is dispatched from both. What no order line covers, or what comes from
 * a line that named no warehouse, leaves from the fallback warehouse of the dispatch request. A
 * product with no warehouse from either source cannot be dispatched.
 */
final class WarehouseAllocation {

    /** The dispatched items, or the products that lack a warehouse (then {@code items} is incomplete). */
    record Result(List<DeliveryNote.DispatchedItem> items, Set<UUID> productsWithoutWarehouse) {
        boolean complete() {
            return productsWithoutWarehouse.isEmpty();
        }
    }

    private WarehouseAllocation() {
    }

    static Result allocate(List<DeliveryNote.Item> items, List<OrderLine> orderLines, UUID fallbackWarehouse) {
        Map<UUID, Deque<Remaining>> linesByProduct = new HashMap<>();
        for (OrderLine line : orderLines) {
            linesByProduct.computeIfAbsent(line.productId(), p -> new ArrayDeque<>())
                    .add(new Remaining(line.quantity(), line.warehouseId()));
        }
        List<DeliveryNote.DispatchedItem> dispatched = new ArrayList<>();
        Set<UUID> missing = new LinkedHashSet<>();
        for (DeliveryNote.Item item : items) {
            Map<UUID, Integer> byWarehouse = new LinkedHashMap<>();
            Deque<Remaining> lines = linesByProduct.getOrDefault(item.productId(), new ArrayDeque<>());
            int left = item.quantity();
            while (left > 0 && !lines.isEmpty()) {
                Remaining line = lines.peek();
                int taken = Math.min(left, line.quantity);
                UUID warehouse = line.warehouseId != null ? line.warehouseId : fallbackWarehouse;
                if (warehouse == null) {
                    missing.add(item.productId());
                } else {
                    byWarehouse.merge(warehouse, taken, Integer::sum);
                }
                left -= taken;
                line.quantity -= taken;
                if (line.quantity == 0) {
                    lines.poll();
                }
            }
            if (left > 0) {
                if (fallbackWarehouse == null) {
                    missing.add(item.productId());
                } else {
                    byWarehouse.merge(fallbackWarehouse, left, Integer::sum);
                }
            }
            byWarehouse.forEach((warehouse, quantity) ->
                    dispatched.add(new DeliveryNote.DispatchedItem(item.productId(), quantity, warehouse)));
        }
        return new Result(List.copyOf(dispatched), Collections.unmodifiableSet(missing));
    }

    private static final class Remaining {
        int quantity;
        final UUID warehouseId;

        Remaining(int quantity, UUID warehouseId) {
            this.quantity = quantity;
            this.warehouseId = warehouseId;
        }
    }
}
