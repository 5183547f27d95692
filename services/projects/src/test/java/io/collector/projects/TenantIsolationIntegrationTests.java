package io.collector.projects;

import io.collector.events.payload.EmployeeHired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another tenant neither sees nor changes this tenant's projects, tasks and resources. */
class TenantIsolationIntegrationTests extends ProjectsIntegrationTest {

    @Test
    void anotherTenantGetsNotFoundOnEveryResourceOfTheFirst() {
        String owner = newTenant();
        String other = newTenant();
        UUID resource = hire(owner);
        UUID project = createProject(owner, "Project Alpha");
        UUID task = createTask(owner, project, "Implement Feature X", "8");
        UUID otherTask = createTask(other, createProject(other, "Project Other"), "Other task", null);

        assertThat(api(other).get("/api/projects/" + project).status()).isEqualTo(404);
        assertThat(api(other).post("/api/projects/" + project + "/tasks", "{\"name\": \"Sneaky\"}").status()).isEqualTo(404);
        assertThat(api(other).get("/api/tasks/" + task).status()).isEqualTo(404);
        assertThat(api(other).get("/api/resources/" + resource).status()).isEqualTo(404);
        assertThat(assign(other, task, resource).status()).isEqualTo(404);
        assertThat(assign(other, otherTask, resource).status()).as("the owner's resource is unknown to the other tenant")
                .isEqualTo(404);
        assertThat(complete(other, task, "1").status()).isEqualTo(404);
        assertThat(api(other).get("/api/resources").json()).isEmpty();
        assertThat(ids(api(other).get("/api/projects").json())).doesNotContain(project.toString());

        JsonNode ownTask = api(owner).get("/api/tasks/" + task).json();
        assertThat(ownTask.path("status").asString()).isEqualTo("OPEN");
        assertThat(api(owner).get("/api/projects/" + project).json().path("tasks")).hasSize(1);
        assertThat(taskCompletedEventsWritten(task)).isZero();
        assertThat(api(other).get("/api/tasks/" + otherTask).json().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void anEmployeeHiredInOneTenantNeverBecomesAResourceOfAnother() {
        String a = newTenant();
        String b = newTenant();
        EmployeeHired john = employee("John", "Doe", "Engineering");

        hire(a, john);

        assertThat(api(b).get("/api/resources").json()).isEmpty();
        assertThat(api(b).get("/api/resources/" + john.employeeId()).status()).isEqualTo(404);
        assertThat(rows("resources", b)).isZero();

        // The same employee id hired in B (its own event) is B's own resource; A still has exactly one.
        hire(b, john);
        assertThat(ids(api(b).get("/api/resources").json())).containsExactly(john.employeeId().toString());
        assertThat(ids(api(a).get("/api/resources").json())).containsExactly(john.employeeId().toString());
        assertThat(rows("resources", a)).isEqualTo(1);
    }
}
