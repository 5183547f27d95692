package io.collector.events;

import io.collector.events.payload.DeliveryConfirmed;
import io.collector.events.payload.DeliveryDispatched;
import io.collector.events.payload.EmployeeHired;
import io.collector.events.payload.InvoiceIssued;
import io.collector.events.payload.InvoicePaid;
import io.collector.events.payload.OfferApproved;
import io.collector.events.payload.OrderConfirmed;
import io.collector.events.payload.OrderCreated;
import io.collector.events.payload.PayrollProcessed;
import io.collector.events.payload.StockLow;
import io.collector.events.payload.TaskCompleted;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalog: wire name → payload record → JSON Schema → producing service → consuming
 * services, as the spec's integration table gives them. Service names are the short names used
 * in queue names ({@code <service>.<type>}).
 */
public enum EventType {
    OFFER_APPROVED("offer.approved", OfferApproved.class, "offers", "orders"),
    ORDER_CREATED("order.created", OrderCreated.class, "orders", "inventory"),
    ORDER_CONFIRMED("order.confirmed", OrderConfirmed.class, "orders", "delivery"),
    DELIVERY_DISPATCHED("delivery.dispatched", DeliveryDispatched.class, "delivery", "inventory"),
    DELIVERY_CONFIRMED("delivery.confirmed", DeliveryConfirmed.class, "delivery", "invoices"),
    INVOICE_ISSUED("invoice.issued", InvoiceIssued.class, "invoices", "accounting"),
    INVOICE_PAID("invoice.paid", InvoicePaid.class, "invoices", "crm"),
    STOCK_LOW("stock.low", StockLow.class, "inventory", "procurement"),
    TASK_COMPLETED("task.completed", TaskCompleted.class, "projects", "hr"),
    EMPLOYEE_HIRED("employee.hired", EmployeeHired.class, "hr", "projects"),
    PAYROLL_PROCESSED("payroll.processed", PayrollProcessed.class, "hr", "accounting");

    /** Versions of the payload this build understands; anything else is a permanent failure. */
    public static final Set<Integer> SUPPORTED_VERSIONS = Set.of(1);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;
    private final String producer;
    private final List<String> consumers;

    EventType(String wireName, Class<? extends EventPayload> payloadType, String producer, String... consumers) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.producer = producer;
        this.consumers = List.of(consumers);
    }

    /** The {@code type} field and the routing key, e.g. {@code order.created}. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Classpath location of this type's JSON Schema (draft 2020-12) in this jar. */
    public String schemaResource() {
        return "io/collector/events/schemas/" + wireName + ".schema.json";
    }

    /** Classpath location of a concrete instance of the spec's example of this type. */
    public String exampleResource() {
        return "io/collector/events/examples/" + wireName + ".json";
    }

    /** The service that publishes it, as the spec's table names it. */
    public String producer() {
        return producer;
    }

    /** The services that consume it, as the spec's table names them. */
    public List<String> consumers() {
        return consumers;
    }

    public static Optional<EventType> find(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static EventType fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new UnknownEventTypeException(wireName));
    }

    public static EventType of(EventPayload payload) {
        return ofPayload(payload.getClass());
    }

    public static EventType ofPayload(Class<?> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an event payload of the catalog");
        }
        return type;
    }
}
