package io.collector.delivery.order;

import io.collector.events.payload.OrderCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps the projection of orders' lines that dispatching needs: which warehouse each line ships from. */
@Service
public class OrderLineManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderLineManagement.class);

    private final OrderLineRepository orders;
    private final Clock clock;

    OrderLineManagement(OrderLineRepository orders) {
        this.orders = orders;
        this.clock = Clock.systemUTC();
    }

    /** Records the lines of a new order of {@code tenantId}; the first announcement of an order wins. */
    @Transactional
    public void record(String tenantId, OrderCreated order) {
        if (!orders.insertOrder(tenantId, order.orderId(), order.orderNumber(), clock.instant())) {
            log.info("Order {} of tenant {} is already projected; nothing to do", order.orderNumber(), tenantId);
            return;
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < order.lineItems().size(); i++) {
            OrderCreated.LineItem item = order.lineItems().get(i);
            lines.add(new OrderLine(i + 1, item.productId(), item.quantity(), item.warehouseId()));
        }
        orders.insertLines(tenantId, order.orderId(), lines);
    }

    /** The order's lines in order; empty when {@code order.created} has not (yet) arrived. */
    @Transactional(readOnly = true)
    public List<OrderLine> linesOf(String tenantId, UUID orderId) {
        return orders.findLines(tenantId, orderId);
    }
}
