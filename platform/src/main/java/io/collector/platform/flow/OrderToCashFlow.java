package io.collector.platform.flow;

import io.collector.service.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

import static io.collector.platform.flow.Steps.expect;
import static io.collector.platform.flow.Steps.first;
import static io.collector.platform.flow.Steps.id;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.StreamSupport;

/**
 * Order to cash through the services' REST APIs, as a small business would drive it: register the
 * customer, stock a product, offer it, approve the offer, confirm the resulting order, dispatch its
 * delivery note (procurement reorders), confirm the delivery, issue the invoice (accounting posts it)
 * and take the payment in two parts (CRM's balance returns to zero). Every call carries one
 * correlation id. The events in between are the services' business: the flow only waits for their
 * effects to show.
 */
public final class OrderToCashFlow {

    /** The ids of one completed flow. */
    public record Result(String tenant, String correlationId, UUID customerId, UUID productId, UUID warehouseId,
                         UUID offerId, UUID orderId, String orderNumber, UUID deliveryNoteId, String deliveryNumber,
                         UUID purchaseOrderId, UUID invoiceId, String invoiceNumber, String invoiceTotal,
                         Instant approvedAt, Instant finishedAt) {
    }

    static final int STOCK = 12;
    static final int ORDERED = 5;
    static final int REORDER_LEVEL = 10;
    static final String MAIN_WAREHOUSE = "Main Warehouse";

    private final ToIntFunction<String> ports;
    private final Duration stepTimeout;

    /** @param ports the HTTP port of each service by name */
    public OrderToCashFlow(ToIntFunction<String> ports, Duration stepTimeout) {
        this.ports = ports;
        this.stepTimeout = stepTimeout;
    }

    public Result run(String tenant, String correlationId, Consumer<String> progress) {
        ApiClient inventory = ApiClient.forTenant(ports.applyAsInt("inventory"), tenant).withCorrelationId(correlationId);
        ApiClient offers = inventory.onPort(ports.applyAsInt("offers"));
        ApiClient orders = inventory.onPort(ports.applyAsInt("orders"));
        ApiClient delivery = inventory.onPort(ports.applyAsInt("delivery"));
        ApiClient procurement = inventory.onPort(ports.applyAsInt("procurement"));
        ApiClient invoices = inventory.onPort(ports.applyAsInt("invoices"));
        ApiClient crm = inventory.onPort(ports.applyAsInt("crm"));
        ApiClient accounting = inventory.onPort(ports.applyAsInt("accounting"));

        expect(200, invoices.put("/api/invoice-settings", "{\"taxPercent\": \"20\", \"paymentTermsDays\": 30}"));
        UUID customerId = id(expect(201, crm.post("/api/customers", """
                {"name": "Globex Ltd", "email": "buyer@globex.example",
                 "addresses": [{"label": "HQ", "line1": "1 Main Street", "postalCode": "10115", "city": "Berlin", "country": "DE"}]}""")));

        UUID warehouseId = mainWarehouse(inventory);
        UUID productId = id(expect(201, inventory.post("/api/products", """
                {"sku": "SKU-%s", "name": "Oak desk", "unit": "pcs", "minimumThreshold": 4, "reorderLevel": %d}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), REORDER_LEVEL))));
        expect(201, inventory.post("/api/stock/receipts", """
                {"productId": "%s", "warehouseId": "%s", "quantity": %d, "reference": "opening stock"}"""
                .formatted(productId, warehouseId, STOCK)));
        progress.accept("stocked " + STOCK + " oak desks");

        JsonNode offer = expect(201, offers.post("/api/offers", """
                {"customerId": "%s", "currency": "EUR", "validUntil": "%s",
                 "lineItems": [{"productId": "%s", "description": "Oak desk", "quantity": "%d", "unitPrice": "300.00",
                                "discountPercent": "10", "taxPercent": "20"}]}"""
                .formatted(customerId, Instant.now().plus(30, ChronoUnit.DAYS), productId, ORDERED)));
        UUID offerId = id(offer);
        Instant approvedAt = Instant.now();
        expect(200, offers.post("/api/offers/" + offerId + "/approve", null));
        progress.accept("offer " + offer.path("number").asString() + " approved (" + offer.path("grandTotal").asString() + " EUR)");

        JsonNode order = Poll.until("the order of offer " + offerId, stepTimeout, () -> first(orders.get("/api/orders"),
                o -> offerId.toString().equals(o.path("offerId").asString())));
        UUID orderId = id(order);
        progress.accept("order " + order.path("number").asString() + " created from it");
        Poll.until(ORDERED + " desks reserved", stepTimeout, () -> stockRow(inventory, productId, warehouseId)
                .filter(row -> row.path("reserved").asInt() == ORDERED));
        progress.accept(ORDERED + " desks reserved");

        expect(200, orders.put("/api/orders/" + orderId + "/status",
                "{\"status\": \"CONFIRMED\", \"shippingAddressId\": \"" + UUID.randomUUID() + "\"}"));
        progress.accept("order confirmed");
        JsonNode note = Poll.until("the delivery note of order " + orderId, stepTimeout,
                () -> first(delivery.get("/api/delivery-notes?orderId=" + orderId), n -> true));
        UUID noteId = id(note);
        progress.accept("delivery note " + note.path("deliveryNumber").asString() + " created");

        expect(200, delivery.post("/api/delivery-notes/" + noteId + "/dispatch",
                "{\"trackingNumber\": \"TRACK-" + noteId.toString().substring(0, 8) + "\", \"warehouseId\": \"" + warehouseId + "\"}"));
        Poll.until("the dispatched desks leaving the stock", stepTimeout, () -> stockRow(inventory, productId, warehouseId)
                .filter(row -> row.path("onHand").asInt() == STOCK - ORDERED && row.path("reserved").asInt() == 0));
        progress.accept("dispatched: " + (STOCK - ORDERED) + " desks left, below the reorder level of " + REORDER_LEVEL);

        JsonNode purchaseOrder = Poll.until("a draft purchase order for the product", stepTimeout,
                () -> first(procurement.get("/api/purchase-orders"), po -> StreamSupport.stream(po.path("lines").spliterator(), false)
                        .anyMatch(line -> productId.toString().equals(line.path("productId").asString()))));
        progress.accept("procurement drafted " + purchaseOrder.path("poNumber").asString());

        expect(200, delivery.post("/api/delivery-notes/" + noteId + "/confirm",
                "{\"proofOfDeliveryUrl\": \"https://proof.example/" + noteId + "\"}"));
        progress.accept("delivery confirmed by the customer");
        UUID draftId = id(Poll.until("the invoice of delivery note " + noteId, stepTimeout,
                () -> first(invoices.get("/api/invoices?deliveryNoteId=" + noteId), i -> true)));
        JsonNode invoice = expect(200, invoices.post("/api/invoices/" + draftId + "/issue", null));
        String invoiceNumber = invoice.path("invoiceNumber").asString();
        String total = invoice.path("grandTotal").asString();
        if (new BigDecimal(total).compareTo(new BigDecimal(offer.path("grandTotal").asString())) != 0) {
            throw new FlowFailedException("Invoice " + invoiceNumber + " bills " + total + " but the approved offer said "
                    + offer.path("grandTotal").asString());
        }
        progress.accept("invoice " + invoiceNumber + " issued: " + total + " " + invoice.path("currency").asString()
                + " due " + invoice.path("dueDate").asString().substring(0, 10));
        Poll.until("the journal entry of invoice " + invoiceNumber, stepTimeout,
                () -> first(accounting.get("/api/journal-entries?sourceReference=" + draftId), e -> true));
        progress.accept("accounting posted it to receivables, revenue and tax");

        BigDecimal grandTotal = new BigDecimal(total);
        BigDecimal firstPart = grandTotal.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        pay(invoices, draftId, firstPart, "BANK_TRANSFER");
        JsonNode paid = pay(invoices, draftId, grandTotal.subtract(firstPart), "STRIPE");
        if (!"PAID".equals(paid.path("status").asString())) {
            throw new FlowFailedException("Invoice " + invoiceNumber + " not PAID after paying in full: " + paid);
        }
        progress.accept("paid in two parts: " + firstPart + " + " + grandTotal.subtract(firstPart));
        Poll.until("the customer's balance settled in CRM", stepTimeout, () -> Optional.of(expect(200, crm.get("/api/customers/" + customerId)))
                .filter(customer -> StreamSupport.stream(customer.path("balances").spliterator(), false)
                        .anyMatch(b -> new BigDecimal(b.path("outstanding").asString()).signum() == 0
                                && new BigDecimal(b.path("lifetimeValue").asString()).compareTo(BigDecimal.ZERO) > 0)));
        Poll.until("receivables back to zero in accounting", stepTimeout, () -> Optional.of(expect(200, accounting.get("/api/accounts/1200/balance")))
                .filter(account -> StreamSupport.stream(account.path("balances").spliterator(), false)
                        .anyMatch(b -> new BigDecimal(b.path("balance").asString()).signum() == 0)));
        progress.accept("CRM shows nothing outstanding; receivables are back to zero");

        return new Result(tenant, correlationId, customerId, productId, warehouseId, offerId, orderId,
                order.path("number").asString(), noteId, note.path("deliveryNumber").asString(), id(purchaseOrder),
                draftId, invoiceNumber, total, approvedAt, Instant.now());
    }

    /** The tenant's main warehouse, made by the first flow and used by every later one. */
    private static UUID mainWarehouse(ApiClient inventory) {
        return first(inventory.get("/api/warehouses"), w -> MAIN_WAREHOUSE.equals(w.path("name").asString()))
                .map(Steps::id)
                .orElseGet(() -> id(expect(201, inventory.post("/api/warehouses",
                        "{\"name\": \"" + MAIN_WAREHOUSE + "\", \"isDefault\": true}"))));
    }

    private static JsonNode pay(ApiClient invoices, UUID invoiceId, BigDecimal amount, String method) {
        return expect(201, invoices.post("/api/invoices/" + invoiceId + "/payments",
                "{\"amount\": \"%s\", \"paymentMethod\": \"%s\", \"paymentDate\": \"%s\"}".formatted(amount, method, Instant.now())));
    }

    private static Optional<JsonNode> stockRow(ApiClient inventory, UUID productId, UUID warehouseId) {
        return first(inventory.get("/api/stock?productId=" + productId),
                row -> warehouseId.toString().equals(row.path("warehouseId").asString()));
    }
}
