package io.collector.projects.project;

import io.collector.projects.ProjectsIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid input is a 400 naming the fields, and nothing is written. */
class BadRequestIntegrationTests extends ProjectsIntegrationTest {

    @Test
    void aProjectWithoutNameIsRejectedAndNotWritten() {
        String tenant = newTenant();

        var missing = api(tenant).post("/api/projects", "{\"description\": \"No name\"}");
        var blank = api(tenant).post("/api/projects", "{\"name\": \"  \"}");

        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(fields(missing.json())).containsExactly("name");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank.json())).containsExactly("name");
        assertThat(api(tenant).get("/api/projects").json()).isEmpty();
        assertThat(rows("projects", tenant)).isZero();
    }

    @Test
    void aTaskWithoutNameOrWithNegativeOrTooPreciseHoursIsRejectedAndNotWritten() {
        String tenant = newTenant();
        UUID project = createProject(tenant, "Project Alpha");

        var negative = api(tenant).post("/api/projects/" + project + "/tasks", "{\"estimatedHours\": -1}");
        var tooPrecise = api(tenant).post("/api/projects/" + project + "/tasks", "{\"name\": \"Task\", \"estimatedHours\": 1.234}");

        assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
        assertThat(fields(negative.json())).containsExactlyInAnyOrder("name", "estimatedHours");
        assertThat(tooPrecise.status()).as(tooPrecise.toString()).isEqualTo(400);
        assertThat(fields(tooPrecise.json())).containsExactly("estimatedHours");
        assertThat(api(tenant).get("/api/projects/" + project).json().path("tasks")).isEmpty();
        assertThat(rows("tasks", tenant)).isZero();
    }

    @Test
    void completingWithoutPositiveHoursIsRejectedAndPublishesNothing() {
        String tenant = newTenant();
        UUID resource = hire(tenant);
        UUID task = createTask(tenant, createProject(tenant, "Project Alpha"), "Implement Feature X", "8");
        assertThat(assign(tenant, task, resource).status()).isEqualTo(200);

        for (String body : new String[] {"{\"actualHours\": 0}", "{\"actualHours\": -2}", "{\"actualHours\": 1.005}", "{}"}) {
            var response = api(tenant).post("/api/tasks/" + task + "/complete", body);
            assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
            assertThat(fields(response.json())).as(body).containsExactly("actualHours");
        }

        var read = api(tenant).get("/api/tasks/" + task).json();
        assertThat(read.path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(read.has("actualHours")).isFalse();
        assertThat(taskCompletedEventsWritten(task)).isZero();
    }

    @Test
    void assigningWithoutResourceIdIsRejectedAndLeavesTheTaskOpen() {
        String tenant = newTenant();
        UUID task = createTask(tenant, createProject(tenant, "Project Alpha"), "Implement Feature X", null);

        var missing = api(tenant).post("/api/tasks/" + task + "/assign", "{}");
        var malformed = api(tenant).post("/api/tasks/" + task + "/assign", "{\"resourceId\": \"not-a-uuid\"}");

        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(fields(missing.json())).containsExactly("resourceId");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(api(tenant).get("/api/tasks/" + task).json().path("status").asString()).isEqualTo("OPEN");
    }
}
