package io.collector.platform;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
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
import io.collector.platform.flow.OrderToCashFlow;
import io.collector.platform.flow.PeopleFlow;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All ten services in one JVM, as the platform runs them, on the real RabbitMQ and PostgreSQL
 * (isolated by a test run), driven only through their REST APIs: from an offer to a paid invoice,
 * and from a hire to a posted payroll.
 */
@ExtendWith(PlatformUnderTest.class)
class PlatformEndToEndIntegrationTests {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static CollectorPlatform platform;

    @BeforeAll
    static void platform(CollectorPlatform running) {
        platform = running;
    }

    @Test
    void offerBecomesAPaidInvoiceWithBalancedBooksUnderOneCorrelationId() {
        String tenant = "tenant-" + UUID.randomUUID();
        String correlationId = "e2e-" + UUID.randomUUID();
        ConnectionFactory broker = platform.context("offers").getBean(ConnectionFactory.class);

        try (EventCapture events = EventCapture.of(broker, TestRun.EXCHANGE, EventType.OFFER_APPROVED, EventType.ORDER_CREATED,
                EventType.ORDER_CONFIRMED, EventType.DELIVERY_DISPATCHED, EventType.STOCK_LOW, EventType.DELIVERY_CONFIRMED,
                EventType.INVOICE_ISSUED, EventType.INVOICE_PAID)) {
            OrderToCashFlow.Result result = new OrderToCashFlow(platform::port, STEP).run(tenant, correlationId, step -> { });

            List<EventEnvelope<?>> chain = List.of(
                    events.awaitOne(OfferApproved.class, e -> e.offerId().equals(result.offerId()), STEP),
                    events.awaitOne(OrderCreated.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(StockLow.class, e -> e.productId().equals(result.productId()), STEP),
                    events.awaitOne(OrderConfirmed.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(DeliveryDispatched.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(DeliveryConfirmed.class, e -> e.orderId().equals(result.orderId()), STEP),
                    events.awaitOne(InvoiceIssued.class, e -> e.invoiceId().equals(result.invoiceId()), STEP),
                    events.awaitOne(InvoicePaid.class, e -> e.invoiceId().equals(result.invoiceId()), STEP));

            assertThat(chain).allSatisfy(event -> {
                assertThat(event.correlationId()).as(event.type()).isEqualTo(correlationId);
                assertThat(event.tenantId()).as(event.type()).isEqualTo(tenant);
            });
            assertThat(chain.get(1).causationId()).as("order.created is caused by offer.approved")
                    .isEqualTo(chain.get(0).eventId().toString());
            assertThat(events.events(StockLow.class, e -> e.productId().equals(result.productId()))).hasSize(1);
            assertThat(events.events(InvoicePaid.class, e -> e.invoiceId().equals(result.invoiceId()))).hasSize(1);

            InvoiceIssued issued = (InvoiceIssued) chain.get(6).data();
            assertThat(issued.subtotal().add(issued.taxTotal())).isEqualByComparingTo(issued.grandTotal());
            assertThat(issued.grandTotal()).isEqualByComparingTo(new BigDecimal(result.invoiceTotal()));

            assertBooksBalanced(ApiClient.forTenant(platform.port("accounting"), tenant), result);
        }
    }

    @Test
    void hiredEmployeesHoursReachHrAndTheirPayrollTheBooksUnderOneCorrelationId() {
        String tenant = "tenant-" + UUID.randomUUID();
        String correlationId = "e2e-people-" + UUID.randomUUID();
        ConnectionFactory broker = platform.context("hr").getBean(ConnectionFactory.class);

        PeopleFlow.Result result;
        try (EventCapture events = EventCapture.of(broker, TestRun.EXCHANGE, EventType.EMPLOYEE_HIRED,
                EventType.TASK_COMPLETED, EventType.PAYROLL_PROCESSED)) {
            result = new PeopleFlow(platform::port, STEP).run(tenant, correlationId, step -> { });

            List<EventEnvelope<?>> chain = List.of(
                    events.awaitOne(EmployeeHired.class, e -> e.employeeId().equals(result.employeeId()), STEP),
                    events.awaitOne(TaskCompleted.class, e -> e.taskId().equals(result.taskId()), STEP),
                    events.awaitOne(PayrollProcessed.class, e -> e.payrollId().equals(result.payrollId()), STEP));
            assertThat(chain).allSatisfy(event -> assertThat(event.correlationId()).as(event.type()).isEqualTo(correlationId));
            assertThat(((TaskCompleted) chain.get(1).data()).assignedResourceId()).isEqualTo(result.employeeId());
            assertThat(((PayrollProcessed) chain.get(2).data()).totalAmount()).isEqualByComparingTo(result.payrollTotal());
        }
        ApiClient accounting = ApiClient.forTenant(platform.port("accounting"), tenant);
        JsonNode salaries = accounting.get("/api/accounts/6000/balance").json();
        assertThat(new BigDecimal(salaries.path("balances").get(0).path("balance").asString()))
                .isEqualByComparingTo(result.payrollTotal());
        assertThat(accounting.get("/api/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    private static void assertBooksBalanced(ApiClient accounting, OrderToCashFlow.Result result) {
        JsonNode trialBalance = accounting.get("/api/trial-balance").json();
        assertThat(trialBalance.path("balanced").asBoolean()).as(trialBalance.toString()).isTrue();
        JsonNode entries = accounting.get("/api/journal-entries?sourceReference=" + result.invoiceId()).json();
        assertThat(entries.size()).as("invoice posted once, payment posted once").isEqualTo(2);
    }
}
