package io.collector.hr;

import io.collector.events.payload.TaskCompleted;
import io.collector.service.testkit.ServiceIntegrationTest;
import io.collector.service.testkit.TestRun;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one Spring context of the HR integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = HrApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=hr", "spring.profiles.active=test"})
abstract class HrIntegrationTest extends ServiceIntegrationTest {

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, HrApplication.NAME);
    }

    static String employeeJson(String firstName, String hireDate, String salary, String currency) {
        return """
                {"firstName": "%s", "lastName": "Doe", "email": "%s.doe@company.com", "position": "Software Engineer",
                 "department": "Engineering", "hireDate": "%s", "salary": "%s", "currency": "%s"}"""
                .formatted(firstName, firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8),
                        hireDate, salary, currency);
    }

    /** Hires over HTTP and returns the employee as the API shows it. */
    JsonNode hire(String tenant, String firstName, String hireDate, String salary, String currency) {
        var response = api(tenant).post("/api/employees", employeeJson(firstName, hireDate, salary, currency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    JsonNode hire(String tenant, String hireDate, String salary) {
        return hire(tenant, "Jane", hireDate, salary, "EUR");
    }

    UUID hireId(String tenant) {
        return UUID.fromString(hire(tenant, "2024-01-01", "4000.00").path("id").asString());
    }

    static TaskCompleted task(UUID employee, Double estimatedHours, Double actualHours, String completedAt) {
        return task(UUID.randomUUID(), employee, estimatedHours, actualHours, completedAt);
    }

    static TaskCompleted task(UUID project, UUID employee, Double estimatedHours, Double actualHours, String completedAt) {
        UUID taskId = UUID.randomUUID();
        return new TaskCompleted(taskId, "Task " + taskId.toString().substring(0, 8), project,
                "Project " + project.toString().substring(0, 8), employee, estimatedHours, actualHours,
                Instant.parse(completedAt));
    }

    JsonNode timesheet(String tenant, String query) {
        var response = api(tenant).get("/api/timesheets" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Events of {@code type} the service wrote to its outbox for the tenant (in the business transaction). */
    long outboxCount(String tenant, String type) {
        return jdbc.sql("select count(*) from outbox where tenant_id = :tenant and event_type = :type")
                .param("tenant", tenant).param("type", type).query(Long.class).single();
    }

    long rows(String table, String tenant) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = :tenant")
                .param("tenant", tenant).query(Long.class).single();
    }
}
