package io.collector.hr;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant neither sees nor changes this tenant's employees, payroll and timesheets. */
class TenantIsolationIntegrationTests extends HrIntegrationTest {

    @Test
    void anotherTenantGetsNotFoundOnEveryResourceOfTheFirst() {
        String owner = newTenant();
        String other = newTenant();
        String employee = hire(owner, "2023-01-01", "3000.00").path("id").asString();
        String run = api(owner).post("/api/payroll-runs", "{\"period\": \"2024-01\"}").json().path("id").asString();
        awaitHandled(deliver(owner, task(UUID.fromString(employee), 8.0, null, "2024-01-10T10:00:00.000Z")));

        assertThat(api(other).get("/api/employees/" + employee).status()).isEqualTo(404);
        assertThat(api(other).get("/api/payroll-runs/" + run).status()).isEqualTo(404);
        assertThat(api(other).get("/api/timesheets?employeeId=" + employee).status()).isEqualTo(404);
        assertThat(api(other).get("/api/employees").json()).isEmpty();
        assertThat(api(other).get("/api/payroll-runs").json()).isEmpty();
        assertThat(timesheet(other, "").path("entries")).isEmpty();
        // The other tenant's own payroll of that month: nobody to pay there, and the owner's run is no conflict.
        assertThat(api(other).post("/api/payroll-runs", "{\"period\": \"2024-01\"}").status()).isEqualTo(422);
        assertThat(api(owner).get("/api/employees/" + employee).status()).isEqualTo(200);
        assertThat(api(owner).get("/api/payroll-runs/" + run).status()).isEqualTo(200);
    }

    @Test
    void eventsOfOneTenantNeverTouchAnotherTenantsTimesheets() {
        String a = newTenant();
        String b = newTenant();
        UUID employeeOfB = hireId(b);
        awaitHandled(deliver(b, task(employeeOfB, null, 2.0, "2024-01-05T10:00:00.000Z")));
        JsonNode before = timesheet(b, "");

        // Tenant A's task naming B's employee: recorded in A (an unknown resource there), never in B.
        awaitHandled(deliver(a, task(employeeOfB, null, 9.0, "2024-01-10T10:00:00.000Z")));

        assertThat(timesheet(b, "")).isEqualTo(before);
        assertThat(timesheet(b, "?employeeId=" + employeeOfB).path("totalHours").asDouble()).isEqualTo(2.0);
        assertThat(timesheet(a, "?employeeId=" + employeeOfB).path("totalHours").asDouble()).isEqualTo(9.0);
        assertThat(rows("timesheet_entries", b)).isEqualTo(1);
        assertThat(api(a).get("/api/employees").json()).isEmpty();
    }
}
