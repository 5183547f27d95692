package io.collector.hr;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.EmployeeHired;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Hiring over HTTP publishes employee.hired through the real broker; numbers per tenant; bad input is refused. */
class EmployeeIntegrationTests extends HrIntegrationTest {

    @Test
    void hiringPublishesEmployeeHiredWithTheTenantsNextNumber() {
        String tenant = newTenant();
        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.EMPLOYEE_HIRED)) {
            var first = api(tenant).withCorrelationId("hire-1-" + tenant.substring(7, 15)).post("/api/employees", """
                    {"firstName": "John", "lastName": "Doe", "email": "john.doe@company.com",
                     "position": "Software Engineer", "department": "Engineering", "hireDate": "2024-01-15",
                     "salary": "4500.00", "currency": "USD"}""");
            var second = api(tenant).post("/api/employees", """
                    {"firstName": "Mary", "lastName": "Major", "email": "mary@company.com",
                     "position": "Designer", "hireDate": "2024-02-01", "salary": 3800.5, "currency": "USD"}""");

            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(second.status()).as(second.toString()).isEqualTo(201);
            JsonNode john = first.json();
            assertThat(john.path("employeeNumber").asString()).isEqualTo("EMP-001");
            assertThat(second.json().path("employeeNumber").asString()).isEqualTo("EMP-002");
            assertThat(john.path("hireDate").asString()).isEqualTo("2024-01-15");
            assertThat(john.path("salary").asString()).isEqualTo("4500.00");
            assertThat(second.json().path("salary").asString()).isEqualTo("3800.50");
            assertThat(second.json().has("department")).isFalse();

            UUID johnId = UUID.fromString(john.path("id").asString());
            EventEnvelope<EmployeeHired> event = capture.awaitOne(EmployeeHired.class, e -> e.employeeId().equals(johnId), WAIT);
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.source()).isEqualTo("hr-t" + TestRun.ID + "-service");
            assertThat(event.correlationId()).isEqualTo("hire-1-" + tenant.substring(7, 15));
            assertThat(event.data()).isEqualTo(new EmployeeHired(johnId, "EMP-001", "John", "Doe", "john.doe@company.com",
                    "Software Engineer", "Engineering", Instant.parse("2024-01-15T00:00:00Z")));
            EmployeeHired mary = capture.awaitOne(EmployeeHired.class, e -> e.employeeNumber().equals("EMP-002")
                    && e.email().equals("mary@company.com"), WAIT).data();
            assertThat(mary.department()).isNull();
            assertThat(mary.hireDate()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        }
    }

    @Test
    void eachTenantNumbersItsEmployeesFromEmp001() {
        String a = newTenant();
        String b = newTenant();

        assertThat(hire(a, "2024-01-01", "1000.00").path("employeeNumber").asString()).isEqualTo("EMP-001");
        assertThat(hire(a, "2024-01-01", "1000.00").path("employeeNumber").asString()).isEqualTo("EMP-002");
        assertThat(hire(b, "2024-01-01", "1000.00").path("employeeNumber").asString()).isEqualTo("EMP-001");
        assertThat(hire(a, "2024-01-01", "1000.00").path("employeeNumber").asString()).isEqualTo("EMP-003");
    }

    @Test
    void anEmployeeCanBeReadByIdAndInTheListInNumberOrder() {
        String tenant = newTenant();
        JsonNode first = hire(tenant, "Ann", "2024-03-01", "5000.00", "EUR");
        JsonNode second = hire(tenant, "Bob", "2024-03-04", "5100.00", "EUR");

        var byId = api(tenant).get("/api/employees/" + second.path("id").asString());
        var list = api(tenant).get("/api/employees");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json()).isEqualTo(second);
        assertThat(byId.json().path("firstName").asString()).isEqualTo("Bob");
        assertThat(byId.json().path("position").asString()).isEqualTo("Software Engineer");
        assertThat(byId.json().path("department").asString()).isEqualTo("Engineering");
        assertThat(byId.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(byId.json().path("createdAt").isMissingNode()).isFalse();
        assertThat(list.json()).containsExactly(first, second);
        assertThat(api(tenant).get("/api/employees/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badHiringRequestsAreBadRequestsNamingTheFieldsAndWriteNothing() {
        String tenant = newTenant();
        ApiClient api = api(tenant);

        var missingEmail = api.post("/api/employees", """
                {"firstName": "John", "lastName": "Doe", "position": "Engineer", "hireDate": "2024-01-15",
                 "salary": "4500.00", "currency": "USD"}""");
        var zeroSalary = api.post("/api/employees", """
                {"firstName": "John", "lastName": "Doe", "email": "john@company.com", "position": "Engineer",
                 "hireDate": "2024-01-15", "salary": 0, "currency": "USD"}""");
        var badValues = api.post("/api/employees", """
                {"firstName": " ", "lastName": "Doe", "email": "john@localhost", "position": "Engineer",
                 "hireDate": "2024-02-30", "salary": "10.005", "currency": "usd"}""");
        var notADate = api.post("/api/employees", """
                {"firstName": "John", "lastName": "Doe", "email": "john@company.com", "position": "Engineer",
                 "hireDate": "15.01.2024", "salary": "-1", "currency": "USD"}""");

        assertThat(missingEmail.status()).as(missingEmail.toString()).isEqualTo(400);
        assertThat(missingEmail.json().path("errors").findValuesAsString("field")).containsExactly("email");
        assertThat(zeroSalary.status()).isEqualTo(400);
        assertThat(zeroSalary.json().path("errors").findValuesAsString("field")).containsExactly("salary");
        assertThat(badValues.status()).isEqualTo(400);
        assertThat(badValues.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "email", "hireDate", "salary", "currency");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("hireDate", "salary");
        assertThat(api.post("/api/employees", "{\"salary\": \"lots\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/employees").json()).isEmpty();
        assertThat(rows("employees", tenant)).isZero();
        assertThat(outboxCount(tenant, "employee.hired")).isZero();
        // No number was taken either: the first successful hire is still EMP-001.
        assertThat(hire(tenant, "2024-01-01", "1000.00").path("employeeNumber").asString()).isEqualTo("EMP-001");
    }

    @Test
    void aSecondEmployeeWithTheSameEmailIsAConflictAndTakesNoNumber() {
        String tenant = newTenant();
        String json = """
                {"firstName": "John", "lastName": "Doe", "email": "%s", "position": "Engineer",
                 "hireDate": "2024-01-15", "salary": "4500.00", "currency": "USD"}""";
        assertThat(api(tenant).post("/api/employees", json.formatted("john.doe@company.com")).status()).isEqualTo(201);

        var again = api(tenant).post("/api/employees", json.formatted("John.Doe@Company.com"));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("John.Doe@Company.com");
        assertThat(outboxCount(tenant, "employee.hired")).isEqualTo(1);
        assertThat(api(tenant).post("/api/employees", json.formatted("jane@company.com")).json()
                .path("employeeNumber").asString()).isEqualTo("EMP-002");
        // Another tenant may have the same address.
        assertThat(api(newTenant()).post("/api/employees", json.formatted("john.doe@company.com")).status()).isEqualTo(201);
    }

    @Test
    void callersWithoutATokenAreUnauthorized() {
        assertThat(ApiClient.anonymous(port).get("/api/employees").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).post("/api/payroll-runs", "{\"period\": \"2024-01\"}").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).get("/api/timesheets").status()).isEqualTo(401);
    }
}
