package io.collector.inventory.stock;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.PermanentEventFailure;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.OrderCreated;
import io.collector.events.payload.StockLow;
import io.collector.inventory.product.Product;
import io.collector.inventory.product.ProductRepository;
import io.collector.inventory.warehouse.Warehouse;
import io.collector.inventory.warehouse.WarehouseRepository;
import io.collector.service.web.NotFoundException;
import io.collector.service.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Use cases of stock: goods receipts, reservations for new orders, dispatches, and what the stock is.
 * The events of one order take the order's lock first, so they see each other whatever warehouses
 * they touch. Every movement then locks the stock rows it changes (in product, warehouse order, so
 * two movements cannot deadlock on each other) and publishes {@code stock.low} in the same
 * transaction when it takes available below the reorder level.
 */
@Service
public class StockManagement {

    private static final Logger log = LoggerFactory.getLogger(StockManagement.class);

    private final StockRepository stocks;
    private final ReservationRepository reservations;
    private final DispatchRepository dispatches;
    private final ProductRepository products;
    private final WarehouseRepository warehouses;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    StockManagement(StockRepository stocks, ReservationRepository reservations, DispatchRepository dispatches,
                    ProductRepository products, WarehouseRepository warehouses, EventPublisher publisher) {
        this.stocks = stocks;
        this.reservations = reservations;
        this.dispatches = dispatches;
        this.products = products;
        this.warehouses = warehouses;
        this.publisher = publisher;
    }

    /** A goods receipt and the stock row it left behind. */
    public record Receipt(GoodsReceipt receipt, StockRow stock) {
    }

    /** Goods arrived: on hand grows. An unknown product or warehouse of this tenant is a 404. */
    @Transactional
    public Receipt receive(String tenantId, UUID productId, UUID warehouseId, int quantity, String reference,
                           String receivedBy) {
        Product product = products.find(tenantId, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        Warehouse warehouse = warehouses.find(tenantId, warehouseId)
                .orElseThrow(() -> new NotFoundException("Warehouse", warehouseId));
        Instant now = now();
        Stock stock = stocks.lock(tenantId, product.id(), warehouse.id(), product.reorderLevel());
        try {
            stock.receive(quantity);
        } catch (ArithmeticException e) {
            throw new UnprocessableException("Receiving " + quantity + " would take the stock on hand beyond "
                    + Integer.MAX_VALUE);
        }
        stocks.update(stock, now);
        GoodsReceipt receipt = new GoodsReceipt(UUID.randomUUID(), tenantId, product.id(), warehouse.id(), quantity,
                reference, receivedBy, now);
        stocks.insert(receipt);
        return new Receipt(receipt, stocks.row(tenantId, product.id(), warehouse.id()).orElseThrow());
    }

    /**
     * order.created: reserves each line's quantity in its warehouse (the tenant's default warehouse
     * when the line names none). What is not available is recorded as the reservation's shortfall.
     * What deliveries of the order already dispatched (their delivery.dispatched was handled first) is
     * not reserved again: goods that left from the line's warehouse count there, and goods beyond what
     * the order wanted from the warehouse they left (e.g. sent from another warehouse) count against
     * its demand for the same product elsewhere, as {@link #dispatch} does in the other order.
     * An order already reserved (the same order re-published under a new event id) changes nothing.
     */
    @Transactional
    public void reserveFor(String tenantId, OrderCreated order) {
        reservations.lockOrder(tenantId, order.orderId());
        if (!reservations.markOrderReserved(tenantId, order.orderId(), order.orderNumber(), now())) {
            log.info("Order {} ({}) was already reserved: nothing to do", order.orderNumber(), order.orderId());
            return;
        }
        Map<StockKey, Integer> wanted = new TreeMap<>();
        Lookup lookup = new Lookup(tenantId, "order " + order.orderNumber() + " (" + order.orderId() + ")");
        for (OrderCreated.LineItem line : order.lineItems()) {
            Product product = lookup.product(line.productId());
            Warehouse warehouse = line.warehouseId() != null ? lookup.warehouse(line.warehouseId()) : lookup.defaultWarehouse();
            wanted.merge(new StockKey(product, warehouse), line.quantity(), StockManagement::add);
        }
        Map<UUID, Map<UUID, Integer>> dispatched = dispatches.dispatchedFor(tenantId, order.orderId());
        Map<UUID, Integer> fromElsewhere = shippedBeyondWhatTheirWarehouseWanted(wanted, dispatched);
        Instant now = now();
        wanted.forEach((key, quantity) -> {
            Stock stock = stocks.lock(tenantId, key.product.id(), key.warehouse.id(), key.product.reorderLevel());
            int here = dispatched.getOrDefault(key.product.id(), Map.of()).getOrDefault(key.warehouse.id(), 0);
            int elsewhere = Math.min(Math.max(0, quantity - here), fromElsewhere.getOrDefault(key.product.id(), 0));
            fromElsewhere.merge(key.product.id(), -elsewhere, Integer::sum);
            int open = Math.max(0, quantity - here - elsewhere);
            Stock.Allocation allocation = open > 0 ? stock.reserve(open) : new Stock.Allocation(0, 0);
            stocks.update(stock, now);
            reservations.insert(Reservation.open(tenantId, order.orderId(), key.product.id(), key.warehouse.id(),
                    quantity, here, elsewhere, allocation, now), now);
            if (here + elsewhere > 0) {
                log.info("Order {}: {} x {} for {} were dispatched before the order was handled ({} from there, {} from"
                                + " elsewhere): reserving {} of {}", order.orderNumber(), here + elsewhere, key.product.sku(),
                        key.warehouse.name(), here, elsewhere, open, quantity);
            }
            if (allocation.shortfall() > 0) {
                log.warn("Order {}: {} of {} x {} in {} could not be reserved (shortfall)", order.orderNumber(),
                        allocation.shortfall(), quantity, key.product.sku(), key.warehouse.name());
            }
            reportIfLow(stock, key);
        });
    }

    /** Per product: what left beyond the order's demand in the warehouse it left from. */
    private static Map<UUID, Integer> shippedBeyondWhatTheirWarehouseWanted(Map<StockKey, Integer> wanted,
                                                                          Map<UUID, Map<UUID, Integer>> dispatched) {
        Map<UUID, Integer> beyond = new HashMap<>();
        dispatched.forEach((product, byWarehouse) -> byWarehouse.forEach((warehouse, quantity) -> {
            int wantedThere = wanted.entrySet().stream()
                    .filter(e -> e.getKey().is(product, warehouse))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            beyond.merge(product, Math.max(0, quantity - wantedThere), Integer::sum);
        }));
        return beyond;
    }

    /**
     * delivery.dispatched: deducts what left from on hand and releases the order's reservation of it.
     * Goods that left beyond the order's demand in their warehouse (typically: sent from another
     * warehouse than the one the order reserved in) cover the order's demand for the same product in
     * its other warehouses, whose reservations shrink accordingly, so nothing stays held for goods
     * that already shipped. On hand never goes negative: goods dispatched beyond it are deducted as far
     * as they go and the rest is recorded as a discrepancy (see {@link #discrepancies}). A delivery
     * note already applied changes nothing.
     */
    @Transactional
    public void dispatch(String tenantId, DeliveryDispatched delivery) {
        reservations.lockOrder(tenantId, delivery.orderId());
        if (!dispatches.markDispatched(tenantId, delivery.deliveryNoteId(), delivery.deliveryNumber(), delivery.orderId(),
                now())) {
            log.info("Delivery {} ({}) was already applied: nothing to do", delivery.deliveryNumber(),
                    delivery.deliveryNoteId());
            return;
        }
        Map<StockKey, Integer> shipped = new TreeMap<>();
        Lookup lookup = new Lookup(tenantId, "delivery " + delivery.deliveryNumber() + " (" + delivery.deliveryNoteId() + ")");
        for (DeliveryDispatched.Item item : delivery.items()) {
            shipped.merge(new StockKey(lookup.product(item.productId()), lookup.warehouse(item.warehouseId())),
                    item.quantity(), StockManagement::add);
        }
        Map<StockKey, Stock> locked = lockShippedAndStillWanted(tenantId, delivery.orderId(), shipped.keySet(), lookup);
        Map<UUID, Integer> beyondDemand = new HashMap<>();
        Instant now = now();
        shipped.forEach((key, quantity) -> {
            Stock stock = locked.get(key);
            Optional<Reservation> reservation = reservations.find(tenantId, delivery.orderId(), key.product.id(),
                    key.warehouse.id());
            if (reservation.isEmpty()) {
                noReservation(tenantId, delivery, key, quantity);
            }
            beyondDemand.merge(key.product.id(), Math.max(0, quantity - reservation.map(Reservation::open).orElse(0)),
                    Integer::sum);
            Stock.Dispatch outcome = stock.dispatch(quantity, reservation.map(Reservation::reserved).orElse(0));
            reservation.ifPresent(r -> {
                r.dispatched(quantity, outcome.released());
                reservations.update(r, now);
            });
            if (outcome.overReserved() > 0) {
                Reservation.giveWay(reservations.holding(tenantId, key.product.id(), key.warehouse.id()), outcome.overReserved())
                        .forEach(r -> reservations.update(r, now));
            }
            stocks.update(stock, now);
            dispatches.insertLine(tenantId, delivery.deliveryNoteId(), delivery.orderId(), key.product.id(),
                    key.warehouse.id(), quantity, outcome, now);
            if (outcome.missing() > 0) {
                log.warn("Delivery {} dispatched {} x {} from {} with only {} on hand: {} missing recorded as a discrepancy",
                        delivery.deliveryNumber(), quantity, key.product.sku(), key.warehouse.name(), outcome.deducted(),
                        outcome.missing());
            }
            reportIfLow(stock, key);
        });
        coverDemandElsewhere(tenantId, delivery, beyondDemand, locked, now);
    }

    /**
     * Locks the stock rows the delivery moves, and those where the order still wants one of its
     * products (they may shrink), all in one order so that two movements cannot deadlock.
     */
    private Map<StockKey, Stock> lockShippedAndStillWanted(String tenantId, UUID orderId, Set<StockKey> shipped, Lookup lookup) {
        Map<StockKey, Stock> locked = new TreeMap<>();
        shipped.forEach(key -> locked.put(key, null));
        Set<UUID> products = new HashSet<>();
        shipped.forEach(key -> products.add(key.product.id()));
        for (Reservation reservation : reservations.ofOrder(tenantId, orderId)) {
            if (reservation.open() > 0 && products.contains(reservation.productId())) {
                locked.putIfAbsent(new StockKey(lookup.product(reservation.productId()),
                        lookup.warehouse(reservation.warehouseId())), null);
            }
        }
        locked.replaceAll((key, none) -> stocks.lock(tenantId, key.product.id(), key.warehouse.id(), key.product.reorderLevel()));
        return locked;
    }

    /** Goods of the order that left beyond its demand in their warehouse cover its demand for the same product elsewhere. */
    private void coverDemandElsewhere(String tenantId, DeliveryDispatched delivery, Map<UUID, Integer> beyondDemand,
                                      Map<StockKey, Stock> locked, Instant now) {
        if (beyondDemand.values().stream().allMatch(units -> units == 0)) {
            return;
        }
        for (Reservation reservation : reservations.ofOrder(tenantId, delivery.orderId())) {
            int units = beyondDemand.getOrDefault(reservation.productId(), 0);
            if (units == 0 || reservation.open() == 0) {
                continue;
            }
            Reservation.Cover cover = reservation.dispatchedElsewhere(units);
            beyondDemand.put(reservation.productId(), units - cover.covered());
            Map.Entry<StockKey, Stock> stock = locked.entrySet().stream()
                    .filter(e -> e.getKey().is(reservation.productId(), reservation.warehouseId()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The stock row of " + reservation.id() + " was not locked"));
            stock.getValue().release(cover.released());
            stocks.update(stock.getValue(), now);
            reservations.update(reservation, now);
            log.info("Delivery {}: {} x {} the order wanted from {} left from another warehouse: {} released there",
                    delivery.deliveryNumber(), cover.covered(), stock.getKey().product.sku(), stock.getKey().warehouse.name(),
                    cover.released());
        }
    }

    /**
     * A dispatch that finds no reservation of its order still deducts what left (the goods are gone),
     * and other orders' reservations shrink only if on hand no longer covers them. Its line is what a
     * late order.created nets out, so nothing is reserved again for goods that already shipped.
     */
    private void noReservation(String tenantId, DeliveryDispatched delivery, StockKey key, int quantity) {
        if (reservations.isOrderReserved(tenantId, delivery.orderId())) {
            log.info("Delivery {} dispatched {} x {} from {}, where order {} reserved none: it covers what the order"
                            + " wanted elsewhere", delivery.deliveryNumber(), quantity, key.product.sku(), key.warehouse.name(),
                    delivery.orderId());
        } else {
            log.info("Delivery {} dispatched {} x {} from {} before order {} was handled: its order.created will"
                    + " reserve only what was not dispatched", delivery.deliveryNumber(), quantity, key.product.sku(),
                    key.warehouse.name(), delivery.orderId());
        }
    }

    /** The product's stock in each of the tenant's warehouses. */
    @Transactional(readOnly = true)
    public List<StockRow> stockOf(String tenantId, UUID productId) {
        products.find(tenantId, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        return stocks.rowsOfProduct(tenantId, productId);
    }

    /** Every product and warehouse of the tenant that has stock rows. */
    @Transactional(readOnly = true)
    public List<StockRow> allStock(String tenantId) {
        return stocks.allRows(tenantId);
    }

    @Transactional(readOnly = true)
    public List<Reservation> reservationsOf(String tenantId, UUID orderId) {
        return reservations.ofOrder(tenantId, orderId);
    }

    /** Dispatches of more than was on hand, newest first. */
    @Transactional(readOnly = true)
    public List<DispatchDiscrepancy> discrepancies(String tenantId) {
        return dispatches.discrepancies(tenantId);
    }

    private void reportIfLow(Stock stock, StockKey key) {
        if (stock.crossedBelowReorderLevel()) {
            Product product = key.product;
            publisher.publish(stock.tenantId(), new StockLow(product.id(), product.name(), product.sku(),
                    key.warehouse.id(), key.warehouse.name(), stock.available(), product.minimumThreshold(),
                    product.reorderLevel()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static int add(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new PermanentEventFailure("Quantities of one product and warehouse add up beyond " + Integer.MAX_VALUE, e);
        }
    }

    /** A product in a warehouse; ordered so that rows are always locked in the same order. */
    private record StockKey(Product product, Warehouse warehouse) implements Comparable<StockKey> {
        private static final Comparator<StockKey> ORDER = Comparator.comparing((StockKey k) -> k.product.id())
                .thenComparing(k -> k.warehouse.id());

        @Override
        public int compareTo(StockKey other) {
            return ORDER.compare(this, other);
        }

        boolean is(UUID productId, UUID warehouseId) {
            return product.id().equals(productId) && warehouse.id().equals(warehouseId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StockKey k && k.product.id().equals(product.id()) && k.warehouse.id().equals(warehouse.id());
        }

        @Override
        public int hashCode() {
            return 31 * product.id().hashCode() + warehouse.id().hashCode();
        }
    }

    /**
     * Resolves what an event refers to within its tenant. Something that does not exist there is a
     * permanent failure: retrying cannot make it appear, so the event goes to the DLQ with the reason.
     */
    private final class Lookup {
        private final String tenantId;
        private final String subject;

        Lookup(String tenantId, String subject) {
            this.tenantId = tenantId;
            this.subject = subject;
        }

        Product product(UUID id) {
            return products.find(tenantId, id).orElseThrow(() -> unknown("product", id));
        }

        Warehouse warehouse(UUID id) {
            return warehouses.find(tenantId, id).orElseThrow(() -> unknown("warehouse", id));
        }

        Warehouse defaultWarehouse() {
            return warehouses.findDefault(tenantId).orElseThrow(() -> new PermanentEventFailure(subject
                    + " has a line without a warehouse, and tenant " + tenantId + " has no warehouse to default to"));
        }

        private PermanentEventFailure unknown(String what, UUID id) {
            return new PermanentEventFailure(subject + " refers to " + what + " " + id
                    + ", which does not exist in tenant " + tenantId);
        }
    }
}
