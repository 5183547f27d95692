package io.collector.projects.project;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.TaskCompleted;
import io.collector.projects.ProjectsIntegrationTest;
import io.collector.service.testkit.EventCapture;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Projects and tasks over HTTP, and the task.completed they publish through the broker. */
class TaskIntegrationTests extends ProjectsIntegrationTest {

    @Test
    void aProjectAndItsTaskCanBeCreatedAndReadBack() {
        String tenant = newTenant();

        var created = api(tenant).post("/api/projects", """
                {"name": "Project Alpha", "description": "The first one"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode project = created.json();
        String projectId = project.path("id").asString();
        assertThat(project.path("name").asString()).isEqualTo("Project Alpha");
        assertThat(project.path("description").asString()).isEqualTo("The first one");
        assertThat(project.path("tasks")).isEmpty();

        var added = api(tenant).post("/api/projects/" + projectId + "/tasks", """
                {"name": "Implement Feature X", "estimatedHours": 8.5}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode task = added.json();
        assertThat(task.path("status").asString()).isEqualTo("OPEN");
        assertThat(task.path("projectId").asString()).isEqualTo(projectId);
        assertThat(task.path("name").asString()).isEqualTo("Implement Feature X");
        assertThat(task.path("estimatedHours").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(task.has("assignedResourceId")).isFalse();
        assertThat(task.has("actualHours")).isFalse();
        assertThat(task.has("completedAt")).isFalse();

        assertThat(api(tenant).get("/api/tasks/" + task.path("id").asString()).json()).isEqualTo(task);
        JsonNode read = api(tenant).get("/api/projects/" + projectId).json();
        assertThat(read.path("name").asString()).isEqualTo("Project Alpha");
        assertThat(read.path("createdAt").asString()).isEqualTo(project.path("createdAt").asString());
        assertThat(read.path("tasks")).containsExactly(task);
        JsonNode list = api(tenant).get("/api/projects").json();
        assertThat(ids(list)).containsExactly(projectId);
        assertThat(list.get(0).has("tasks")).as("the list shows projects without their tasks").isFalse();
    }

    @Test
    void completingAnAssignedTaskPublishesTaskCompletedWithItsFields() {
        String tenant = newTenant();
        UUID resource = hire(tenant);
        UUID project = createProject(tenant, "Project Alpha");
        UUID task = createTask(tenant, project, "Implement Feature X", "8");

        var assigned = assign(tenant, task, resource);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.json().path("assignedResourceId").asString()).isEqualTo(resource.toString());

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.TASK_COMPLETED)) {
            var completed = api(tenant).withCorrelationId("complete-" + task)
                    .post("/api/tasks/" + task + "/complete", "{\"actualHours\": 7.5}");

            assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
            JsonNode body = completed.json();
            assertThat(body.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(body.path("actualHours").decimalValue()).isEqualByComparingTo("7.5");
            assertThat(body.path("assignedResourceId").asString()).isEqualTo(resource.toString());

            EventEnvelope<TaskCompleted> event = capture.awaitOne(TaskCompleted.class, e -> e.taskId().equals(task), WAIT);
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.correlationId()).isEqualTo("complete-" + task);
            assertThat(event.source()).isEqualTo("project-management-service");
            assertThat(event.data()).isEqualTo(new TaskCompleted(task, "Implement Feature X", project, "Project Alpha",
                    resource, 8.0, 7.5, Instant.parse(body.path("completedAt").asString())));
        }
        assertThat(api(tenant).get("/api/tasks/" + task).json().path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void anUnassignedTaskCanBeCompletedAndItsEventNamesNoResource() {
        String tenant = newTenant();
        UUID task = createTask(tenant, createProject(tenant, "Project Beta"), "Write docs", null);

        try (EventCapture capture = EventCapture.of(connectionFactory, TestRun.EXCHANGE, EventType.TASK_COMPLETED)) {
            var completed = complete(tenant, task, "2");

            assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
            assertThat(completed.json().path("status").asString()).isEqualTo("COMPLETED");
            TaskCompleted event = capture.awaitOne(TaskCompleted.class, e -> e.taskId().equals(task), WAIT).data();
            assertThat(event.assignedResourceId()).isNull();
            assertThat(event.estimatedHours()).isNull();
            assertThat(event.actualHours()).isEqualTo(2.0);
            assertThat(event.projectName()).isEqualTo("Project Beta");
        }
    }

    @Test
    void completingTwiceIsAConflictAndPublishesNoSecondEvent() {
        String tenant = newTenant();
        UUID resource = hire(tenant);
        UUID task = createTask(tenant, createProject(tenant, "Project Alpha"), "Implement Feature X", "8");
        assertThat(assign(tenant, task, resource).status()).isEqualTo(200);
        var first = complete(tenant, task, "10");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        var second = complete(tenant, task, "3");

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("detail").asString()).contains("already COMPLETED");
        assertThat(taskCompletedEventsWritten(task)).isEqualTo(1);
        JsonNode read = api(tenant).get("/api/tasks/" + task).json();
        assertThat(read.path("actualHours").decimalValue()).isEqualByComparingTo("10");
        assertThat(read.path("completedAt").asString()).isEqualTo(first.json().path("completedAt").asString());
    }

    @Test
    void anAssignedTaskCanBeReassignedButACompletedOneCannot() {
        String tenant = newTenant();
        UUID jane = hire(tenant, employee("Jane", "Roe", "Engineering"));
        UUID john = hire(tenant, employee("John", "Doe", "Engineering"));
        UUID task = createTask(tenant, createProject(tenant, "Project Alpha"), "Implement Feature X", null);
        assertThat(assign(tenant, task, jane).status()).isEqualTo(200);

        var reassigned = assign(tenant, task, john);
        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        assertThat(reassigned.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(reassigned.json().path("assignedResourceId").asString()).isEqualTo(john.toString());
        assertThat(complete(tenant, task, "4.25").status()).isEqualTo(200);

        var afterCompletion = assign(tenant, task, jane);

        assertThat(afterCompletion.status()).as(afterCompletion.toString()).isEqualTo(409);
        JsonNode read = api(tenant).get("/api/tasks/" + task).json();
        assertThat(read.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(read.path("assignedResourceId").asString()).isEqualTo(john.toString());
        assertThat(read.path("actualHours").decimalValue()).isEqualByComparingTo("4.25");
    }

    @Test
    void assigningToAnUnknownResourceIsNotFoundAndLeavesTheTaskOpen() {
        String tenant = newTenant();
        UUID task = createTask(tenant, createProject(tenant, "Project Alpha"), "Implement Feature X", "1");

        var response = assign(tenant, task, UUID.randomUUID());

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().path("detail").asString()).startsWith("Resource ");
        JsonNode read = api(tenant).get("/api/tasks/" + task).json();
        assertThat(read.path("status").asString()).isEqualTo("OPEN");
        assertThat(read.has("assignedResourceId")).isFalse();
    }

    @Test
    void hoursAreJudgedByTheirValueNotByHowTheyAreWritten() {
        String tenant = newTenant();
        UUID project = createProject(tenant, "Project Alpha");

        var added = api(tenant).post("/api/projects/" + project + "/tasks", """
                {"name": "Trailing zeros", "estimatedHours": 1.500}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("estimatedHours").decimalValue()).isEqualByComparingTo("1.5");
        var completed = complete(tenant, UUID.fromString(added.json().path("id").asString()), "2.250");

        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("actualHours").decimalValue()).isEqualByComparingTo("2.25");
    }

    @Test
    void unknownProjectsAndTasksAreNotFound() {
        String tenant = newTenant();
        UUID unknown = UUID.randomUUID();

        assertThat(api(tenant).get("/api/projects/" + unknown).status()).isEqualTo(404);
        assertThat(api(tenant).post("/api/projects/" + unknown + "/tasks", "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(api(tenant).get("/api/tasks/" + unknown).status()).isEqualTo(404);
        assertThat(assign(tenant, unknown, hire(tenant)).status()).isEqualTo(404);
        assertThat(complete(tenant, unknown, "1").status()).isEqualTo(404);
        assertThat(rows("tasks", tenant)).isZero();
    }
}
