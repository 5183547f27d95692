package io.collector.events;

import io.collector.events.payload.OrderCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.collector.events.JsonTrees.bytes;
import static io.collector.events.JsonTrees.example;
import static io.collector.events.JsonTrees.objectAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventValidatorTests {

    private static final String MONEY_MESSAGE = "must be a non-negative decimal string such as \"1500.00\"";

    private final EventValidator validator = EventValidator.instance();

    @Test
    void missingDataFieldIsReportedAtItsPathAsRequired() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        objectAt(event, "/data").remove("orderId");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.orderId", "is required"));
    }

    @Test
    void missingLineItemFieldIsReportedAtItsPathAsRequired() {
        ObjectNode event = example(EventType.INVOICE_ISSUED);
        objectAt(event, "/data/lineItems/0").remove("total");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.lineItems[0].total", "is required"));
    }

    @Test
    void missingEnvelopeFieldIsReportedAtItsPathAsRequired() {
        ObjectNode event = example(EventType.INVOICE_PAID);
        event.remove("tenantId");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.tenantId", "is required"));
    }

    @Test
    void correlationIdIsOptionalOnEveryEventAsDesignSays() {
        ObjectNode orderCreated = example(EventType.ORDER_CREATED);
        orderCreated.remove("correlationId");
        ObjectNode offerApproved = example(EventType.OFFER_APPROVED);
        offerApproved.remove("correlationId");

        assertThat(validator.validate(orderCreated)).isEmpty();
        assertThat(validator.validate(offerApproved)).isEmpty();
    }

    @Test
    void optionalDataFieldsMayBeLeftOut() {
        ObjectNode event = example(EventType.OFFER_APPROVED);
        objectAt(event, "/data/lineItems/0").remove(List.of("productId", "discountPercent", "taxPercent"));

        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void stringWhereAnIntegerBelongsIsReportedAsWrongType() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        objectAt(event, "/data/lineItems/0").put("quantity", "5");

        assertThat(validator.validate(event))
                .containsExactly(new Violation("$.data.lineItems[0].quantity", "must be an integer, not a string"));
    }

    @Test
    void fractionWhereAnIntegerBelongsIsReportedAsWrongType() {
        ObjectNode event = example(EventType.PAYROLL_PROCESSED);
        objectAt(event, "/data").put("employeeCount", 2.5);

        assertThat(validator.validate(event))
                .containsExactly(new Violation("$.data.employeeCount", "must be an integer, not a number"));
    }

    @Test
    void moneyAsAJsonNumberIsReportedAsWrongType() {
        ObjectNode event = example(EventType.INVOICE_PAID);
        objectAt(event, "/data").put("amount", new BigDecimal("1500.00"));

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.amount", "must be a string, not a number"));
    }

    @Test
    void negativeIntegerQuantityIsRejected() {
        ObjectNode event = example(EventType.DELIVERY_DISPATCHED);
        objectAt(event, "/data/items/0").put("quantity", -5);

        assertThat(validator.validate(event))
                .containsExactly(new Violation("$.data.items[0].quantity", "must have a minimum value of 1"));
    }

    @Test
    void zeroLineQuantityIsRejected() {
        ObjectNode event = example(EventType.ORDER_CONFIRMED);
        objectAt(event, "/data/lineItems/0").put("quantity", 0);

        assertThat(validator.validate(event))
                .containsExactly(new Violation("$.data.lineItems[0].quantity", "must have a minimum value of 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "0.00", "five"})
    void decimalQuantityThatIsNotPositiveIsRejected(String quantity) {
        ObjectNode event = example(EventType.OFFER_APPROVED);
        objectAt(event, "/data/lineItems/0").put("quantity", quantity);

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.lineItems[0].quantity",
                "must be a positive decimal string such as \"5\" or \"2.5\""));
    }

    @Test
    void negativeStockLevelIsRejectedButZeroIsNot() {
        ObjectNode negative = example(EventType.STOCK_LOW);
        objectAt(negative, "/data").put("currentQuantity", -1);
        ObjectNode zero = example(EventType.STOCK_LOW);
        objectAt(zero, "/data").put("currentQuantity", 0);

        assertThat(validator.validate(negative))
                .containsExactly(new Violation("$.data.currentQuantity", "must have a minimum value of 0"));
        assertThat(validator.validate(zero)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"15,00", "abc", "1.2.3", "", " 1500.00", "1500.", ".50", "-1500.00", "1e3", "$1500"})
    void malformedMoneyStringIsRejected(String amount) {
        ObjectNode event = example(EventType.OFFER_APPROVED);
        objectAt(event, "/data").put("grandTotal", amount);

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.grandTotal", MONEY_MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1500", "1500.5", "1500.00", "12345678901234567890.123456"})
    void wellFormedMoneyStringIsAccepted(String amount) {
        ObjectNode event = example(EventType.OFFER_APPROVED);
        objectAt(event, "/data").put("grandTotal", amount);

        assertThat(validator.validate(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"101", "100.5", "-1", "ten"})
    void percentageOutsideZeroToHundredIsRejected(String percent) {
        ObjectNode event = example(EventType.OFFER_APPROVED);
        objectAt(event, "/data/lineItems/0").put("discountPercent", percent);

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.lineItems[0].discountPercent",
                "must be a percentage from 0 to 100 as a decimal string such as \"10\""));
    }

    @Test
    void malformedUuidCurrencyTimestampAndPeriodAreRejectedWithTheirPaths() {
        ObjectNode event = example(EventType.PAYROLL_PROCESSED);
        objectAt(event, "/data").put("payrollId", "uuid");
        objectAt(event, "/data").put("currency", "usd");
        objectAt(event, "/data").put("payrollPeriod", "2024-13");
        event.put("timestamp", "2024-01-31 18:00");

        assertThat(validator.validate(event)).extracting(Violation::path).containsExactlyInAnyOrder(
                "$.data.payrollId", "$.data.currency", "$.data.payrollPeriod", "$.timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:30:00Z", "2024-01-15T11:30:00.000+01:00", "2024-01-15T10:30:00.123456Z"})
    void timestampWithAZoneIsAccepted(String timestamp) {
        ObjectNode event = example(EventType.EMPLOYEE_HIRED);
        event.put("timestamp", timestamp);

        assertThat(validator.validate(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:30:00.000", "2024-01-15", "1705314600000", "2024-01-15T25:00:00Z"})
    void timestampWithoutAZoneOrOutOfRangeIsRejected(String timestamp) {
        ObjectNode event = example(EventType.EMPLOYEE_HIRED);
        event.put("timestamp", timestamp);

        assertThat(validator.validate(event)).containsExactly(new Violation("$.timestamp",
                "must be an ISO-8601 date-time with a zone such as \"2024-01-15T10:30:00.000Z\""));
    }

    @Test
    void emptyTenantIdIsRejected() {
        ObjectNode event = example(EventType.STOCK_LOW);
        event.put("tenantId", "");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.tenantId", "must not be empty"));
    }

    @Test
    void eventWithoutLineItemsIsRejected() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        objectAt(event, "/data").putArray("lineItems");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.data.lineItems", "must have at least 1 items but found 0"));
    }

    @Test
    void unknownEventTypeIsOneViolationAtType() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("type", "order.shipped");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.type", "unknown event type 'order.shipped'"));
        InvalidEventException refused = refusedOnRead(event);
        assertThat(refused.reason()).isEqualTo(InvalidEventException.Reason.UNKNOWN_TYPE);
        assertThat(refused).hasMessage("$.type: unknown event type 'order.shipped'");
    }

    @Test
    void eventWithoutTypeIsRejectedAtType() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.remove("type");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.type", "is required"));
    }

    @Test
    void typeThatIsNotAStringIsRejectedAtType() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("type", 7);

        assertThat(validator.validate(event)).containsExactly(new Violation("$.type", "must be a string, not an integer"));
    }

    @Test
    void eventThatIsNotAnObjectIsRejectedAtTheRoot() {
        JsonNode array = EventJson.parse("[]".getBytes());

        assertThat(validator.validate(array)).containsExactly(new Violation("$", "must be a JSON object"));
    }

    @Test
    void unsupportedVersionIsOneViolationAtVersion() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("version", 2);
        objectAt(event, "/data").remove("orderId"); // a v2 payload may differ: not reported as such

        assertThat(validator.validate(event)).containsExactly(new Violation("$.version", "unsupported version 2 (supported: [1])"));
        assertThat(refusedOnRead(event).reason()).isEqualTo(InvalidEventException.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void versionThatIsNotAnIntegerIsASchemaViolation() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("version", "1");

        assertThat(validator.validate(event)).containsExactly(new Violation("$.version", "must be an integer, not a string"));
    }

    @Test
    void statedVersionOneIsAccepted() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("version", 1);

        assertThat(validator.validate(event)).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnceWithItsPath() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("eventId", "not-a-uuid");
        event.put("timestamp", "yesterday");
        objectAt(event, "/data").remove("orderId");
        objectAt(event, "/data").put("grandTotal", "15,00");
        objectAt(event, "/data/lineItems/0").put("quantity", -1);

        List<Violation> violations = validator.validate(event);

        assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder(
                "$.eventId", "$.timestamp", "$.data.orderId", "$.data.grandTotal", "$.data.lineItems[0].quantity");
        InvalidEventException refused = refusedOnRead(event);
        assertThat(refused.reason()).isEqualTo(InvalidEventException.Reason.SCHEMA_VIOLATION);
        assertThat(refused.violations()).isEqualTo(violations);
        assertThat(refused.getMessage().split("; ")).containsExactlyElementsOf(violations.stream().map(Violation::toString).toList());
        assertThat(refused).hasMessageContaining("$.data.grandTotal: " + MONEY_MESSAGE);
    }

    @Test
    void unknownFieldsAreTolerated() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        event.put("schemaUrl", "https://example.com/next");
        event.putObject("tracing").put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        objectAt(event, "/data").put("priority", "HIGH");
        objectAt(event, "/data/lineItems/0").put("discountPercent", "5");

        assertThat(validator.validate(event)).isEmpty();
        EventEnvelope<?> read = EventReader.read(bytes(event));
        assertThat(read.data()).isInstanceOf(OrderCreated.class);
    }

    @Test
    void malformedJsonIsNotAnInvalidEventButAMalformedOne() {
        assertThatThrownBy(() -> EventReader.read("{\"type\": ".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void schemaValidQuantityBeyondJavaRangeIsRejectedAtItsPath() {
        ObjectNode event = example(EventType.ORDER_CREATED);
        objectAt(event, "/data/lineItems/0").put("quantity", 3_000_000_000L);

        assertThat(refusedOnRead(event).violations()).extracting(Violation::path)
                .containsExactly("$.data.lineItems[0].quantity");
    }

    @Test
    void publisherIsRefusedAnInvalidEvent() {
        var lineItem = new OrderCreated.LineItem(UUID.randomUUID(), null, "Product Name", 0, new BigDecimal("300.00"), null);
        var data = new OrderCreated(UUID.randomUUID(), "ORD-2024-001", UUID.randomUUID(), null,
                List.of(lineItem), "usd", new BigDecimal("-1.00"));
        var event = new EventEnvelope<>(UUID.randomUUID(), 1, "order.created", Instant.now(), "tenant-123",
                "orders-service", "corr-123", null, data);

        InvalidEventException refused = catchThrowableOfType(InvalidEventException.class, () -> EventReader.requireValid(event));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(Violation::path).containsExactlyInAnyOrder("$.data.lineItems[0].quantity", "$.data.currency", "$.data.grandTotal");
    }

    @Test
    void validatorIsSafeToShareBetweenThreads() {
        List<JsonNode> examples = Arrays.stream(EventType.values())
                .map(type -> EventJson.parse(EventExamples.load(type)))
                .toList();

        List<List<Violation>> results = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> validator.validate(examples.get(i % examples.size())))
                .toList();

        assertThat(results).allSatisfy(violations -> assertThat(violations).isEmpty());
    }

    private static InvalidEventException refusedOnRead(JsonNode event) {
        InvalidEventException refused = catchThrowableOfType(InvalidEventException.class, () -> EventReader.read(bytes(event)));
        assertThat(refused).as("refused on read").isNotNull();
        return refused;
    }
}
