package io.collector.projects;

import io.collector.events.payload.EmployeeHired;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Spring context of the projects service's integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = ProjectsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=projects", "spring.profiles.active=test"})
public abstract class ProjectsIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, ProjectsApplication.NAME);
    }

    protected static EmployeeHired employee(String firstName, String lastName, String department) {
        UUID id = UUID.randomUUID();
        return new EmployeeHired(id, "EMP-" + id.toString().substring(0, 6), firstName, lastName,
                (firstName + "." + lastName + "@company.com").toLowerCase(), "Software Engineer", department,
                Instant.parse("2024-01-15T08:00:00.000Z"));
    }

    /** An employee hired in the tenant, waited for until it is a resource; returns its (the employee's) id. */
    protected UUID hire(String tenant, EmployeeHired employee) {
        awaitHandled(deliver(tenant, employee));
        assertThat(api(tenant).get("/api/resources/" + employee.employeeId()).status()).isEqualTo(200);
        return employee.employeeId();
    }

    protected UUID hire(String tenant) {
        return hire(tenant, employee("Jane", "Roe", "Engineering"));
    }

    protected UUID createProject(String tenant, String name) {
        var response = api(tenant).post("/api/projects", """
                {"name": "%s", "description": "About %s"}""".formatted(name, name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    protected UUID createTask(String tenant, UUID project, String name, String estimatedHours) {
        var response = api(tenant).post("/api/projects/" + project + "/tasks", estimatedHours == null
                ? "{\"name\": \"%s\"}".formatted(name)
                : "{\"name\": \"%s\", \"estimatedHours\": %s}".formatted(name, estimatedHours));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().path("id").asString());
    }

    protected ApiClient.Response assign(String tenant, UUID task, UUID resource) {
        return api(tenant).post("/api/tasks/" + task + "/assign", "{\"resourceId\": \"" + resource + "\"}");
    }

    protected ApiClient.Response complete(String tenant, UUID task, String actualHours) {
        return api(tenant).post("/api/tasks/" + task + "/complete", "{\"actualHours\": " + actualHours + "}");
    }

    /** task.completed events of the task the service wrote to its outbox (the transaction of the completion). */
    protected int taskCompletedEventsWritten(UUID task) {
        return jdbc.sql("""
                        select count(*) from outbox where event_type = 'task.completed'
                        and convert_from(payload, 'UTF8')::jsonb -> 'data' ->> 'taskId' = :task""")
                .param("task", task.toString())
                .query(Integer.class)
                .single();
    }

    protected int rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = :tenant")
                .param("tenant", tenant).query(Integer.class).single();
    }

    protected static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asString()).toList();
    }

    protected static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false).map(e -> e.path("field").asString()).toList();
    }
}
