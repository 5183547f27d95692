package io.collector.projects.resource;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.EmployeeHired;
import io.collector.projects.ProjectsIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** employee.hired → resources, through the broker; and the resources API. */
class ResourceIntegrationTests extends ProjectsIntegrationTest {

    @Test
    void aHiredEmployeeBecomesAResourceWhoseIdIsTheEmployeeId() {
        String tenant = newTenant();
        EmployeeHired john = employee("John", "Doe", "Engineering");

        deliver(tenant, john);

        JsonNode list = await().atMost(WAIT).until(() -> api(tenant).get("/api/resources").json(), r -> r.size() == 1);
        JsonNode resource = list.get(0);
        assertThat(resource.path("id").asString()).isEqualTo(john.employeeId().toString());
        assertThat(resource.path("name").asString()).isEqualTo("John Doe");
        assertThat(resource.path("firstName").asString()).isEqualTo("John");
        assertThat(resource.path("lastName").asString()).isEqualTo("Doe");
        assertThat(resource.path("employeeNumber").asString()).isEqualTo(john.employeeNumber());
        assertThat(resource.path("email").asString()).isEqualTo("john.doe@company.com");
        assertThat(resource.path("position").asString()).isEqualTo("Software Engineer");
        assertThat(resource.path("department").asString()).isEqualTo("Engineering");
        assertThat(resource.path("hireDate").asString()).isEqualTo("2024-01-15T08:00:00Z");
        assertThat(resource.has("createdAt")).isTrue();
        assertThat(api(tenant).get("/api/resources/" + john.employeeId()).json()).isEqualTo(resource);
    }

    @Test
    void anEmployeeWithoutDepartmentIsAResourceWithoutOne() {
        String tenant = newTenant();

        var id = hire(tenant, employee("Ann", "Lee", null));

        JsonNode resource = api(tenant).get("/api/resources/" + id).json();
        assertThat(resource.path("name").asString()).isEqualTo("Ann Lee");
        assertThat(resource.has("department")).isFalse();
    }

    @Test
    void theSameEventDeliveredTwiceCreatesOneResource() {
        String tenant = newTenant();
        EventEnvelope<EmployeeHired> hired = deliver(tenant, employee("John", "Doe", "Engineering"));
        awaitHandled(hired);
        double duplicatesBefore = duplicates(EventType.EMPLOYEE_HIRED);

        redeliver(hired);

        await().atMost(WAIT).until(() -> duplicates(EventType.EMPLOYEE_HIRED) > duplicatesBefore);
        assertThat(ids(api(tenant).get("/api/resources").json())).containsExactly(hired.data().employeeId().toString());
        assertThat(rows("resources", tenant)).isEqualTo(1);
    }

    @Test
    void theSameEmployeeRepublishedUnderANewEventIdCreatesOneResource() {
        String tenant = newTenant();
        EmployeeHired first = employee("John", "Doe", "Engineering");
        hire(tenant, first);
        EmployeeHired copy = new EmployeeHired(first.employeeId(), first.employeeNumber(), first.firstName(),
                first.lastName(), "other.address@company.com", first.position(), "Sales", first.hireDate());

        EventEnvelope<EmployeeHired> republished = deliver(tenant, copy);

        awaitHandled(republished);
        JsonNode resources = api(tenant).get("/api/resources").json();
        assertThat(ids(resources)).containsExactly(first.employeeId().toString());
        assertThat(resources.get(0).path("email").asString()).as("the first copy's data stays").isEqualTo(first.email());
        assertThat(resources.get(0).path("department").asString()).isEqualTo("Engineering");
        assertThat(rows("resources", tenant)).isEqualTo(1);
    }

    @Test
    void resourcesAreListedByLastName() {
        String tenant = newTenant();
        var zed = hire(tenant, employee("Amy", "Zed", "Engineering"));
        var adams = hire(tenant, employee("Bob", "Adams", "Sales"));

        assertThat(ids(api(tenant).get("/api/resources").json())).containsExactly(adams.toString(), zed.toString());
    }
}
