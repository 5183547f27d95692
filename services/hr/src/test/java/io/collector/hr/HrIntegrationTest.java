package io.collector.hr;

import io.collector.eventbus.EventPublisher;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.payload.TaskCompleted;
import io.collector.service.testkit.ApiClient;
import io.collector.service.testkit.TestRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The one Spring context of the HR integration tests: real HTTP, RabbitMQ and PostgreSQL. */
@SpringBootTest(classes = HrApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=hr", "spring.profiles.active=test"})
abstract class HrIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void run(DynamicPropertyRegistry registry) {
        TestRun.register(registry, HrApplication.NAME);
    }

    @LocalServerPort int port;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired EventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Value("${collector.eventbus.service}") String service;

    ApiClient api(String tenant) {
        return ApiClient.forTenant(port, tenant);
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID();
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

    /** Delivers an incoming event the way the service receives it: through its outbox, the broker and its queue. */
    <T extends EventPayload> EventEnvelope<T> deliver(String tenant, T payload) {
        return transaction.execute(status -> publisher.publish(tenant, payload));
    }

    void redeliver(EventEnvelope<?> event) {
        transaction.executeWithoutResult(status -> publisher.publish(event));
    }

    /** Waits until the service handled (and committed) the event with this id. */
    void awaitHandled(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> jdbc.sql("select exists (select 1 from inbox where event_key = :key)")
                .param("key", event.eventId().toString()).query(Boolean.class).single());
    }

    JsonNode timesheet(String tenant, String query) {
        var response = api(tenant).get("/api/timesheets" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    double duplicates(String type) {
        Counter counter = meters.find("collector.events.duplicates")
                .tags("consumer", QueueNames.queue(service, type), "type", type).counter();
        return counter == null ? 0 : counter.count();
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
