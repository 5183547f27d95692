package io.collector.delivery.note;

import io.collector.delivery.order.OrderLine;
import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderConfirmed;
import io.collector.service.web.ConflictException;
import io.collector.service.web.UnprocessableException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A delivery note: the goods of one confirmed order on their way to the customer. Its status only
 * moves forward, CREATED → DISPATCHED → DELIVERED, and each move raises the event other services
 * act on (Inventory deducts stock on {@code delivery.dispatched}, Invoices bills on
 * {@code delivery.confirmed}).
 */
public final class DeliveryNote {

    /** A line of the note as the confirmed order listed it. */
    public record Item(int lineNo, UUID productId, String description, int quantity, String unit) {
    }

    /** What left which warehouse. */
    public record DispatchedItem(UUID productId, int quantity, UUID warehouseId) {
    }

    private final UUID id;
    private final String tenantId;
    private final String deliveryNumber;
    private final UUID orderId;
    private final String orderNumber;
    private final UUID customerId;
    private final UUID shippingAddressId;
    private final List<Item> items;
    private final Instant createdAt;
    private DeliveryNoteStatus status;
    private UUID carrierId;
    private String trackingNumber;
    private String proofOfDeliveryUrl;
    private Instant dispatchedAt;
    private Instant deliveredAt;
    private List<DispatchedItem> dispatchedItems;

    DeliveryNote(UUID id, String tenantId, String deliveryNumber, UUID orderId, String orderNumber, UUID customerId,
                 UUID shippingAddressId, List<Item> items, Instant createdAt, DeliveryNoteStatus status, UUID carrierId,
                 String trackingNumber, String proofOfDeliveryUrl, Instant dispatchedAt, Instant deliveredAt,
                 List<DispatchedItem> dispatchedItems) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.deliveryNumber = Objects.requireNonNull(deliveryNumber);
        this.orderId = Objects.requireNonNull(orderId);
        this.orderNumber = orderNumber;
        this.customerId = customerId;
        this.shippingAddressId = shippingAddressId;
        this.items = List.copyOf(items);
        this.createdAt = createdAt;
        this.status = Objects.requireNonNull(status);
        this.carrierId = carrierId;
        this.trackingNumber = trackingNumber;
        this.proofOfDeliveryUrl = proofOfDeliveryUrl;
        this.dispatchedAt = dispatchedAt;
        this.deliveredAt = deliveredAt;
        this.dispatchedItems = List.copyOf(dispatchedItems);
    }

    /** A new note in status CREATED for the confirmed order, its items the order's line items. */
    static DeliveryNote createFor(String tenantId, String deliveryNumber, OrderConfirmed order, Instant now) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < order.lineItems().size(); i++) {
            OrderConfirmed.LineItem line = order.lineItems().get(i);
            items.add(new Item(i + 1, line.productId(), line.description(), line.quantity(), line.unit()));
        }
        return new DeliveryNote(UUID.randomUUID(), tenantId, deliveryNumber, order.orderId(), order.orderNumber(),
                order.customerId(), order.shippingAddressId(), items, now, DeliveryNoteStatus.CREATED,
                null, null, null, null, null, List.of());
    }

    /**
     * Hands the goods to the carrier. Each item leaves from the warehouse its order line named, else
     * from {@code fallbackWarehouse} (see {@link WarehouseAllocation}).
     *
     * @throws ConflictException      unless the note is CREATED (a note is dispatched once)
     * @throws UnprocessableException when some product has no warehouse from either source
     */
    DeliveryDispatched dispatch(List<OrderLine> orderLines, UUID fallbackWarehouse, UUID carrierId,
                                String trackingNumber, Instant now) {
        if (!status.canDispatch()) {
            throw new ConflictException("Delivery note " + deliveryNumber + " is " + status
                    + " and cannot be dispatched: a note is dispatched once, from CREATED");
        }
        WarehouseAllocation.Result allocation = WarehouseAllocation.allocate(items, orderLines, fallbackWarehouse);
        if (!allocation.complete()) {
            throw new UnprocessableException("Delivery note " + deliveryNumber + " cannot be dispatched: no warehouse is known for product(s) "
                    + allocation.productsWithoutWarehouse().stream().map(UUID::toString).collect(Collectors.joining(", "))
                    + "; their order lines named none, so give the request's warehouseId");
        }
        this.status = DeliveryNoteStatus.DISPATCHED;
        this.dispatchedItems = allocation.items();
        this.carrierId = carrierId;
        this.trackingNumber = trackingNumber;
        this.dispatchedAt = now;
        return new DeliveryDispatched(id, deliveryNumber, orderId,
                dispatchedItems.stream().map(i -> new DeliveryDispatched.Item(i.productId(), i.quantity(), i.warehouseId())).toList(),
                trackingNumber, carrierId);
    }

    /**
     * Records that the customer received the goods.
     *
     * @throws ConflictException unless the note is DISPATCHED
     */
    DeliveryConfirmed confirmDelivery(String proofOfDeliveryUrl, Instant now) {
        if (!status.canConfirmDelivery()) {
            throw new ConflictException("Delivery note " + deliveryNumber + " is " + status
                    + " and cannot be confirmed: only a DISPATCHED note can be");
        }
        this.status = DeliveryNoteStatus.DELIVERED;
        this.proofOfDeliveryUrl = proofOfDeliveryUrl;
        this.deliveredAt = now;
        return new DeliveryConfirmed(id, deliveryNumber, orderId, customerId, proofOfDeliveryUrl);
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String deliveryNumber() { return deliveryNumber; }
    public UUID orderId() { return orderId; }
    public String orderNumber() { return orderNumber; }
    public UUID customerId() { return customerId; }
    public UUID shippingAddressId() { return shippingAddressId; }
    public List<Item> items() { return items; }
    public Instant createdAt() { return createdAt; }
    public DeliveryNoteStatus status() { return status; }
    public UUID carrierId() { return carrierId; }
    public String trackingNumber() { return trackingNumber; }
    public String proofOfDeliveryUrl() { return proofOfDeliveryUrl; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant deliveredAt() { return deliveredAt; }
    public List<DispatchedItem> dispatchedItems() { return dispatchedItems; }
}
