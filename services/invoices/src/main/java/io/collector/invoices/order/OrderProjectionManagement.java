package io.collector.invoices.order;

import io.collector.events.payload.OrderCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps the projection of orders that invoicing needs: customer, currency, lines and prices. */
@Service
public class OrderProjectionManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderProjectionManagement.class);

    private final OrderProjectionRepository orders;
    private final Clock clock = Clock.systemUTC();

    OrderProjectionManagement(OrderProjectionRepository orders) {
        this.orders = orders;
    }

    /** Records a new order of {@code tenantId}; the first announcement of an order wins. */
    @Transactional
    public void record(String tenantId, OrderCreated created) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < created.lineItems().size(); i++) {
            OrderCreated.LineItem item = created.lineItems().get(i);
            lines.add(new OrderLine(i + 1, item.productId(), item.sku(), item.description(), item.quantity(), item.unitPrice()));
        }
        OrderProjection order = new OrderProjection(created.orderId(), created.orderNumber(), created.customerId(),
                created.currency(), created.grandTotal(), lines);
        if (!orders.insertOrder(tenantId, order, clock.instant())) {
            log.info("Order {} of tenant {} is already projected; nothing to do", created.orderNumber(), tenantId);
            return;
        }
        orders.insertLines(tenantId, order.orderId(), lines);
    }

    /** The order, empty when its {@code order.created} has not (yet) arrived in this tenant. */
    @Transactional(readOnly = true)
    public Optional<OrderProjection> find(String tenantId, UUID orderId) {
        return orders.find(tenantId, orderId);
    }
}
