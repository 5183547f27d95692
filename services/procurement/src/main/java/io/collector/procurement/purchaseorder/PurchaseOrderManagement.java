package io.collector.procurement.purchaseorder;

import io.collector.events.payload.StockLow;
import io.collector.procurement.supplier.SupplierManagement;
import io.collector.service.numbering.DocumentNumbers;
import io.collector.service.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases of purchase orders. Every one acts within one tenant. */
@Service
public class PurchaseOrderManagement {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderManagement.class);
    static final String NUMBER_PREFIX = "PO";

    private final PurchaseOrderRepository orders;
    private final SupplierManagement suppliers;
    private final DocumentNumbers numbers;
    private final Clock clock = Clock.systemUTC();

    PurchaseOrderManagement(PurchaseOrderRepository orders, SupplierManagement suppliers, DocumentNumbers numbers) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.numbers = numbers;
    }

    /**
     * Reorders a product that ran low in a warehouse: a line of {@link ReorderQuantity} pieces on the
     * tenant's DRAFT purchase order for the product's supplier (or on the DRAFT without supplier
     * when no supplier supplies it), a new DRAFT if there is none. While the tenant has an open line
     * for the product and warehouse no second one is opened; if that line is still on a DRAFT and
     * asks for less than this event does, it grows.
     */
    @Transactional
    public void reorder(String tenantId, StockLow low) {
        int quantity = ReorderQuantity.toRestock(low.currentQuantity(), low.reorderLevel());
        orders.lockReordersOf(tenantId);
        Optional<PurchaseOrder> holding = orders.findWithOpenLineForUpdate(tenantId, low.productId(), low.warehouseId());
        if (holding.isPresent()) {
            PurchaseOrder order = holding.get();
            order.raiseOpenLine(low.productId(), low.warehouseId(), quantity).ifPresentOrElse(
                    raised -> {
                        orders.updateLineQuantity(order, raised);
                        log.info("Raised line {} of {} to {} for product {} in warehouse {} (tenant {})", raised.lineNo(),
                                order.poNumber(), quantity, low.sku(), low.warehouseName(), tenantId);
                    },
                    () -> log.info("Product {} in warehouse {} is already on order ({} {}); nothing to do (tenant {})",
                            low.sku(), low.warehouseName(), order.poNumber(), order.status(), tenantId));
            return;
        }
        UUID supplierId = suppliers.preferredSupplierOf(tenantId, low.productId()).orElse(null);
        Instant now = clock.instant();
        PurchaseOrder draft = orders.findDraftForUpdate(tenantId, supplierId).orElseGet(() -> {
            PurchaseOrder created = PurchaseOrder.draft(tenantId,
                    numbers.next(tenantId, NUMBER_PREFIX, Year.from(now.atZone(ZoneOffset.UTC))), supplierId, now);
            orders.insert(created);
            return created;
        });
        PurchaseOrderLine line = draft.addLine(low.productId(), low.productName(), low.sku(), low.warehouseId(),
                low.warehouseName(), quantity);
        if (!orders.insertLine(draft, line, now)) {
            // Cannot happen under the reorder lock; if it does, roll back (and retry) rather than guess.
            throw new IllegalStateException("An open line for product " + low.productId() + " in warehouse "
                    + low.warehouseId() + " appeared concurrently");
        }
        log.info("Ordered {} of product {} for warehouse {} on {} (tenant {})", quantity, low.sku(), low.warehouseName(),
                draft.poNumber(), tenantId);
    }

    @Transactional(readOnly = true)
    public PurchaseOrder get(String tenantId, UUID id) {
        return orders.find(tenantId, id).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrder> list(String tenantId, PurchaseOrderStatus status, int limit) {
        return orders.findAll(tenantId, status, limit);
    }

    /** DRAFT → APPROVED; 409 otherwise. */
    @Transactional
    public PurchaseOrder approve(String tenantId, UUID id) {
        PurchaseOrder order = locked(tenantId, id);
        order.approve(clock.instant());
        orders.updateStatus(order);
        return order;
    }

    /** APPROVED → RECEIVED, closing its lines; 409 otherwise. */
    @Transactional
    public PurchaseOrder receive(String tenantId, UUID id) {
        PurchaseOrder order = locked(tenantId, id);
        order.receive(clock.instant());
        orders.updateStatus(order);
        return order;
    }

    /** DRAFT or APPROVED → CANCELLED, closing its lines; 409 otherwise. */
    @Transactional
    public PurchaseOrder cancel(String tenantId, UUID id) {
        PurchaseOrder order = locked(tenantId, id);
        order.cancel(clock.instant());
        orders.updateStatus(order);
        return order;
    }

    private PurchaseOrder locked(String tenantId, UUID id) {
        return orders.findForUpdate(tenantId, id).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }
}
