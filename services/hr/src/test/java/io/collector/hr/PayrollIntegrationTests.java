package io.collector.hr;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.PayrollProcessed;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Payroll runs over HTTP publish payroll.processed through the real broker; one run per tenant, month and currency. */
class PayrollIntegrationTests extends HrIntegrationTest {

    @Test
    void aPayrollRunPaysTheMonthsEmployeesProRataAndPublishesPayrollProcessed() {
        String tenant = newTenant();
        JsonNode veteran = hire(tenant, "Vera", "2023-06-01", "3000.00", "USD");
        JsonNode newcomer = hire(tenant, "Nico", "2024-01-17", "3100.00", "USD");   // 15 of 31 days: 1500.00
        hire(tenant, "Fred", "2024-02-01", "9000.00", "USD");                       // not yet employed in January

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.PAYROLL_PROCESSED)) {
            var response = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\"}");

            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            JsonNode run = response.json();
            assertThat(run.path("period").asString()).isEqualTo("2024-01");
            assertThat(run.path("currency").asString()).isEqualTo("USD");
            assertThat(run.path("totalAmount").asString()).isEqualTo("4500.00");
            assertThat(run.path("employeeCount").asInt()).isEqualTo(2);
            assertThat(run.path("lines")).hasSize(2);
            JsonNode first = run.path("lines").get(0);
            assertThat(first.path("employeeId").asString()).isEqualTo(veteran.path("id").asString());
            assertThat(first.path("employeeNumber").asString()).isEqualTo("EMP-001");
            assertThat(first.path("amount").asString()).isEqualTo("3000.00");
            assertThat(first.path("daysEmployed").asInt()).isEqualTo(31);
            JsonNode second = run.path("lines").get(1);
            assertThat(second.path("employeeId").asString()).isEqualTo(newcomer.path("id").asString());
            assertThat(second.path("firstName").asString()).isEqualTo("Nico");
            assertThat(second.path("monthlySalary").asString()).isEqualTo("3100.00");
            assertThat(second.path("daysEmployed").asInt()).isEqualTo(15);
            assertThat(second.path("daysInPeriod").asInt()).isEqualTo(31);
            assertThat(second.path("amount").asString()).isEqualTo("1500.00");

            UUID runId = UUID.fromString(run.path("id").asString());
            EventEnvelope<PayrollProcessed> event = capture.awaitOne(PayrollProcessed.class,
                    e -> e.payrollId().equals(runId), WAIT);
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.data()).isEqualTo(new PayrollProcessed(runId, "2024-01", new BigDecimal("4500.00"), "USD", 2,
                    Instant.parse(run.path("processedAt").asString())));

            assertThat(api(tenant).get("/api/payroll-runs/" + runId).json()).isEqualTo(run);
            JsonNode list = api(tenant).get("/api/payroll-runs").json();
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("id").asString()).isEqualTo(runId.toString());
            assertThat(list.get(0).path("totalAmount").asString()).isEqualTo("4500.00");
            assertThat(list.get(0).has("lines")).isFalse();
        }
    }

    @Test
    void aSecondRunForTheSamePeriodIsAConflictAndPublishesNothing() {
        String tenant = newTenant();
        hire(tenant, "2023-06-01", "3000.00");
        assertThat(api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\"}").status()).isEqualTo(201);

        var again = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\"}");
        var againWithCurrency = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\", \"currency\": \"EUR\"}");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("2024-01").contains("already processed");
        assertThat(againWithCurrency.status()).isEqualTo(409);
        assertThat(rows("payroll_runs", tenant)).isEqualTo(1);
        assertThat(outboxCount(tenant, "payroll.processed")).isEqualTo(1);
        assertThat(api(tenant).get("/api/payroll-runs").json()).hasSize(1);
        // Another month is a run of its own.
        assertThat(api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-02\"}").status()).isEqualTo(201);
    }

    @Test
    void aPeriodWithoutEmployeesIsUnprocessable() {
        String tenant = newTenant();

        var nobody = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\"}");
        hire(tenant, "2024-02-01", "3000.00");
        var notYetHired = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-01\"}");

        assertThat(nobody.status()).as(nobody.toString()).isEqualTo(422);
        assertThat(notYetHired.status()).isEqualTo(422);
        assertThat(notYetHired.json().path("detail").asString()).contains("2024-01");
        assertThat(rows("payroll_runs", tenant)).isZero();
        assertThat(outboxCount(tenant, "payroll.processed")).isZero();
    }

    @Test
    void employeesPaidInSeveralCurrenciesNeedOneRunPerCurrency() {
        String tenant = newTenant();
        hire(tenant, "Uma", "2023-01-01", "3000.00", "USD");
        hire(tenant, "Eve", "2023-01-01", "2000.00", "EUR");
        hire(tenant, "Eli", "2023-01-01", "2500.00", "EUR");

        var mixed = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-03\"}");
        var euro = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-03\", \"currency\": \"EUR\"}");
        var dollar = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-03\", \"currency\": \"USD\"}");
        var pound = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-03\", \"currency\": \"GBP\"}");
        var euroAgain = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-03\", \"currency\": \"EUR\"}");

        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(422);
        assertThat(mixed.json().path("detail").asString()).contains("EUR, USD");
        assertThat(euro.status()).isEqualTo(201);
        assertThat(euro.json().path("totalAmount").asString()).isEqualTo("4500.00");
        assertThat(euro.json().path("employeeCount").asInt()).isEqualTo(2);
        assertThat(dollar.status()).isEqualTo(201);
        assertThat(dollar.json().path("totalAmount").asString()).isEqualTo("3000.00");
        assertThat(pound.status()).isEqualTo(422);
        assertThat(euroAgain.status()).isEqualTo(409);
        assertThat(outboxCount(tenant, "payroll.processed")).isEqualTo(2);
        assertThat(api(tenant).get("/api/payroll-runs?period=2024-03").json()).hasSize(2);
        assertThat(api(tenant).get("/api/payroll-runs?period=2024-04").json()).isEmpty();
    }

    @Test
    void badPayrollRequestsAreBadRequestsNamingTheFieldAndWriteNothing() {
        String tenant = newTenant();
        hire(tenant, "2023-06-01", "3000.00");

        var badMonth = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-13\"}");
        var badShape = api(tenant).post("/api/payroll-runs", "{\"period\": \"2024-1\", \"currency\": \"euro\"}");
        var missing = api(tenant).post("/api/payroll-runs", "{}");
        var badFilter = api(tenant).get("/api/payroll-runs?period=2024-00");

        assertThat(badMonth.status()).as(badMonth.toString()).isEqualTo(400);
        assertThat(badMonth.json().path("errors").findValuesAsString("field")).containsExactly("period");
        assertThat(badShape.status()).isEqualTo(400);
        assertThat(badShape.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("period", "currency");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("period");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().path("errors").findValuesAsString("field")).containsExactly("period");
        assertThat(api(tenant).get("/api/payroll-runs/not-a-uuid").status()).isEqualTo(400);
        assertThat(api(tenant).get("/api/payroll-runs/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(rows("payroll_runs", tenant)).isZero();
        assertThat(outboxCount(tenant, "payroll.processed")).isZero();
    }
}
